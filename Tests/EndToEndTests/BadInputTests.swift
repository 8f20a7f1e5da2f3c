import Foundation
import TestSupport
import Testing

/// What a user mistypes: one line naming the thing and the problem, exit 2, and no
/// file left behind (a new empty ledger used to appear at --db before the check failed).
@Suite struct BadInputTests {
    func expectOneLine(_ r: LightboxBinary.Result, _ line: String) {
        #expect(r.status == 2)
        #expect(r.stderr == "lightbox: \(line)\n", "\(r.stderr)")
    }

    @Test func mistypedLibraryOrExperimentLeavesNoLedger() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let db = dir.file("new.sqlite")
        expectOneLine(try LightboxBinary.run(["read", "--library", dir.file("nope"), "--db", db]),
                      "\(dir.file("nope")): study library folder does not exist")
        #expect(!FileManager.default.fileExists(atPath: db))
        expectOneLine(try LightboxBinary.run(["read", "--experiment", "nope", "--reader", "amy", "--db", db]),
                      "experiment nope: no such experiment in this ledger (create it with `lightbox experiment create`)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aFileGivenAsLibrary() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let file = dir.write("study.json", "{}")
        expectOneLine(try LightboxBinary.run(["studies", "--library", file]), "\(file): is a file, not a study library folder")
    }

    @Test func unknownThemeNamesTheOption() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let r = try LightboxBinary.run(["read", "--library", lib, "--theme", "neon", "--db", dir.file("l.sqlite")],
                                       environment: ["XDG_CONFIG_HOME": dir.path])
        expectOneLine(r, "--theme neon: no such theme (built in: colorblind, dark, dim, high-contrast, light; "
                      + "yours go in \(dir.path)/lightbox/themes/neon.toml)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("l.sqlite")))
    }

    /// Usage mistakes were swift-argument-parser's four-line block with exit 64.
    @Test func usageMistakesAreOneLineWithExit2() throws {
        expectOneLine(try LightboxBinary.run(["export", "w", "--format", "xml", "--out", "/dev/null"]),
                      "The value 'xml' is invalid for '--format <format>'. Please provide one of 'long', 'imrmc' or 'json'. "
                      + "(see `lightbox export --help`)")
        expectOneLine(try LightboxBinary.run(["experiment", "create"]),
                      "Missing expected argument '<name>' (see `lightbox experiment create --help`)")
        let help = try LightboxBinary.run(["export", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: lightbox export"), "help is not an error")
        let version = try LightboxBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.1.0\n")
    }
}
