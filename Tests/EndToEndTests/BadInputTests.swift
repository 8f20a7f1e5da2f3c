import Foundation
import Ledger
import ReaderStudy
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
                      "experiment nope: no ledger at \(db) (create the experiment with `lightbox experiment create`, or pass the right --db)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// QA defect 7: a --db in a missing folder, a missing ledger, a missing image and a practice
    /// review away from SampleStudies each get one line that names what is missing.
    @Test func missingThingsAreNamed() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let inMissingFolder = dir.file("no-such-folder/s.sqlite")
        expectOneLine(try LightboxBinary.run(["experiment", "create", "x", "--library", lib, "--readers", "a,b", "--db", inMissingFolder]),
                      "--db \(inMissingFolder): folder \(dir.file("no-such-folder")) does not exist "
                      + "(create it first; only the default ledger folder is made for you)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("no-such-folder")))
        // The reading room (clinical mode) and practice refuse it the same way, before any screen.
        for command in [["read", "--library", lib], ["practice", "--library", lib]] {
            expectOneLine(try LightboxBinary.run(command + ["--reader", "amy", "--db", inMissingFolder], environment: LightboxBinary.actingAs("amy")),
                          "--db \(inMissingFolder): folder \(dir.file("no-such-folder")) does not exist "
                          + "(create it first; only the default ledger folder is made for you)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("no-such-folder")), "\(command[0]) created the folder")
        }
        let absent = dir.file("absent.sqlite")
        for command in [["experiment", "show", "x"], ["experiment", "report", "x"], ["export", "x", "--format", "long", "--out", dir.file("o.csv")]] {
            expectOneLine(try LightboxBinary.run(command + ["--db", absent]),
                          "experiment x: no ledger at \(absent) (create the experiment with `lightbox experiment create`, or pass the right --db)")
        }
        expectOneLine(try LightboxBinary.run(["image", "info", dir.file("absent.dcm")]), "\(dir.file("absent.dcm")): no such file")
        expectOneLine(try LightboxBinary.run(["image", "info", dir.path]), "\(dir.path): is a folder, not a file")

        // practice review outside the repo: with no practice reads it needs no library; with some, it says what to pass.
        let db = dir.file("p.sqlite")
        do {
            let ledger = try LedgerStore(path: db)
            let read = try ledger.openRead(reader: "tina", study: "WRIST-1", context: .plain)
            try ledger.sign(read.id, decisions: [FindingDecision(finding: "fracture.study", aiValue: nil, readerValue: "normal", state: .overridden)],
                            confidence: 3, event: ReadEvent(kind: .signed, appSession: "a", monotonicNanos: 1_000_000_000, wallTime: 1001))
        }
        let binary = try #require(LightboxBinary.path)
        func review(_ reader: String) throws -> LightboxBinary.Result {
            try Shell.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$1\" practice review --reader \"$2\" --db \"$3\"", dir.path, binary, reader, db],
                          environment: LightboxBinary.actingAs(reader))
        }
        // A trainee reviews only their own reads: naming another reader is refused in one line.
        let other = try Shell.run(binary, ["practice", "review", "--reader", "tina", "--db", db], environment: LightboxBinary.actingAs("uma"))
        #expect(other.status != 0 && other.stderr.contains("reader tina") && other.stderr.contains("running as account uma"), "\(other.stderr)")
        let none = try review("uma")
        #expect(none.status == 0 && none.stdout == "practice of uma: 0 signed case(s)\n", "\(none.stderr)")
        expectOneLine(try review("tina"), "--library: 1 practice read(s) to score need the study library they came from (its references); "
                      + "pass --library DIR (the default SampleStudies is not in this folder)")
    }

    /// Without a terminal (a pipe, cron, `ssh host lightbox` without -t) the screens used to start
    /// curses on end-of-file input and spin at 100 % CPU; now one line says what is needed.
    @Test func screensWithoutATerminalSaySo() throws {
        let dir = TempDirectory()
        defer { dir.remove() }
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let image = lib + "/ph-hand-353a226bebbc784b/images/1.png"
        let need = "needs a terminal: standard input and output must both be one (over ssh: ssh -t HOST lightbox …)"
        let amy = LightboxBinary.actingAs("amy")
        expectOneLine(try LightboxBinary.run(["read", "--library", lib, "--reader", "amy", "--db", dir.file("l.sqlite")], environment: amy), "read: " + need)
        expectOneLine(try LightboxBinary.run(["practice", "--library", lib, "--reader", "amy", "--db", dir.file("l.sqlite")], environment: amy),
                      "practice: " + need)
        expectOneLine(try LightboxBinary.run(["view", image]), "view: " + need)
        // The arguments are still checked first: a bad theme is named, not the missing terminal.
        let theme = try LightboxBinary.run(["view", image, "--theme", "neon"])
        #expect(theme.status == 2 && theme.stderr.contains("neon") && !theme.stderr.contains("terminal"), "\(theme.stderr)")
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
