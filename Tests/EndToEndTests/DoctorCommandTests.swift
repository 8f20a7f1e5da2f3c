import Foundation
import TestSupport
import Testing

@Suite struct DoctorCommandTests {
    /// "Where data lives" includes where model folders are looked for (README: a site's CNN goes in
    /// $XDG_DATA_HOME/lightbox/models), in search order, absent ones marked.
    @Test func listsTheModelSearchPath() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let r = try LightboxBinary.run(["doctor"], environment: ["XDG_DATA_HOME": dir.path, "XDG_CONFIG_HOME": dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  models (in order)  \(dir.path)/lightbox/models (absent)\n"), "\(r.stdout)")
        let root = SharedReference.packageRoot.path
        #expect(r.stdout.contains(" \(root)/Models\n"), "the shipped models beside the build: \(r.stdout)")
    }
}
