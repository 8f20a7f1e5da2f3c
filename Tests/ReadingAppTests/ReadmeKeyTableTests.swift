import Foundation
import ReadingApp
import TestSupport
import Testing

/// The README's key table and the `?` overlay come from the same list.
@Suite struct ReadmeKeyTableTests {
    @Test func readmeListsEveryHelpRow() throws {
        let readme = try String(contentsOf: SharedReference.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for item in KeyMap.help {
            // Key groups are separated by two spaces in the help list.
            let keys = item.keys.components(separatedBy: "  ").map { "`\($0)`" }.joined(separator: " ")
            #expect(readme.contains("| \(keys) | \(item.what) |"), "README lacks the row for \(item.keys)")
        }
    }
}
