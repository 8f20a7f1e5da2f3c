import Foundation
import TestSupport
import Testing

/// Issue 9, privacy: DICOM files carrying identifying attributes with unusual
/// sentinel values are imported, then every `lightbox` command that could touch
/// them runs (the reading room and the viewer in tmux). No sentinel may appear
/// in any stdout or stderr, any screen, any file written (library, ledger,
/// exports, plots, the data and config folders) or the database dump — errors
/// included. The command list is read from the binary (`--experimental-dump-help`),
/// so a new command fails this test until it is swept or exempted here with a reason.
@Suite(.serialized) struct PrivacySweepTests {
    static let people = [
        IdentifyingDICOM.Identity(patientName: "Zyxwarth^Quilliam^Ottoline", patientID: "QXPID-7731-ZZ", birthDate: "19230417",
                                  otherPatientIDs: "OTHQX-99017", institution: "Sankt Ylvrahus Klinik",
                                  referringPhysician: "Drovnik^Esmeralda", accession: "ACQ5550199X", sequencePatientID: "SEQQX-44120",
                                  nestedAccession: "NESTQX-31337"),
        IdentifyingDICOM.Identity(patientName: "Brumbelow^Kestrina", patientID: "QXPID-8842-YY", birthDate: "19190923",
                                  otherPatientIDs: "OTHQX-12345", institution: "Fjellvik Orthopaedic Hospice",
                                  referringPhysician: "Pelloquin^Aurelius", accession: "ACQ5550277Y", sequencePatientID: "SEQQX-98765",
                                  nestedAccession: "NESTQX-42424"),
    ]

    /// Whole values and the rarer parts of them (a name printed as "Quilliam Zyxwarth" is still a leak).
    static var sentinels: [String] {
        var out: [String] = ["Ylvrahus", "Fjellvik", "QXPID", "OTHQX", "SEQQX", "ACQ5550", "NESTQX"]
        for p in people {
            let whole: [String] = [p.patientName, p.patientID, p.birthDate, p.otherPatientIDs, p.institution,
                                   p.referringPhysician, p.accession, p.sequencePatientID] + (p.nestedAccession.map { [$0] } ?? [])
            out += whole
            out += p.patientName.split(separator: "^").map(String.init)
            out += p.referringPhysician.split(separator: "^").map(String.init)
        }
        return out
    }

    /// Leaf commands the sweep does not run, and why they cannot see patient data.
    static let exempt: [String: String] = [
        "help": "prints usage text only",
        "power": "sample sizes from numbers on the command line; reads no study, image or ledger",
        "phantom generate": "writes synthetic phantoms from a seed; reads no input file",
        "onnx check": "reads a model file only (no study, no image)",
        "onnx run": "runs a model on tensors given as files of numbers, not on studies",
        "onnx bench": "times a model on random input",
    ]

    static let january = "2026-01-05T09:00:00Z", march = "2026-03-20T09:00:00Z"

    @Test func noIdentifierLeavesImport() throws {
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let root = SharedReference.packageRoot.path
        let dir = TempDirectory("lightbox-privacy")
        defer { dir.remove() }
        let fm = FileManager.default
        // Inputs (raw, identifying) live under in/ and bad/, which are not searched; everything else is.
        for sub in ["in", "bad", "home", "out"] { try fm.createDirectory(atPath: dir.file(sub), withIntermediateDirectories: true) }
        var raw: [String] = []
        // Four studies of the two patients (an experiment needs 2 normal and 2 abnormal cases).
        for i in 0..<4 {
            let path = dir.file("in/\(i + 1).dcm")
            try IdentifyingDICOM.file(Self.people[i % 2], studyUID: "1.2.826.0.1.3680043.8.498.\(4711 + i)", bodyPart: "WRIST", sex: i % 2 == 0 ? "F" : "M")
                .write(to: URL(fileURLWithPath: path))
            raw.append(path)
        }
        // Broken copies: errors must name tags and offsets, never values.
        let whole = try Data(contentsOf: URL(fileURLWithPath: raw[0]))
        let cut = whole.range(of: Data("Ylvrahus".utf8))!.lowerBound + 3
        try whole.prefix(cut).write(to: URL(fileURLWithPath: dir.file("bad/truncated-in-institution.dcm")))
        var lengthPastEnd = whole
        let nameAt = whole.range(of: Data("Zyxwarth".utf8))!.lowerBound
        lengthPastEnd[nameAt - 2] = 0xF0; lengthPastEnd[nameAt - 1] = 0xFF
        try lengthPastEnd.write(to: URL(fileURLWithPath: dir.file("bad/name-length-past-end.dcm")))

        let home = dir.file("home")
        let env = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
                   "XDG_CACHE_HOME": home + "/cache", "TMPDIR": dir.file("out"), "LIGHTBOX_NOW": Self.march,
                   "LIGHTBOX_TEST_ACCOUNT": "priv"]
        let lib = dir.file("out/library"), db = dir.file("out/ledger.sqlite"), models = root + "/Models"
        var output = ""
        var covered: Set<String> = []
        @discardableResult
        func run(_ command: String, _ arguments: [String], now: String = Self.march, expectSuccess: Bool = true) throws -> LightboxBinary.Result {
            var e = env
            e["LIGHTBOX_NOW"] = now
            let r = try LightboxBinary.run(command.split(separator: " ").map(String.init) + arguments, environment: e)
            covered.insert(command)
            output += "$ lightbox \(command) \(arguments.joined(separator: " "))\n\(r.stdout)\n\(r.stderr)\n"
            if expectSuccess { #expect(r.status == 0, "lightbox \(command) \(arguments): \(r.stderr)") }
            return r
        }

        try run("import", [dir.file("in"), "--library", lib])
        try run("import", [dir.file("bad"), "--library", dir.file("out/library-bad")], expectSuccess: false)
        let studies = try fm.contentsOfDirectory(atPath: lib).filter { !$0.hasPrefix(".") }.sorted()
        #expect(studies.count == 4, "\(studies)")
        for (i, study) in studies.enumerated() {
            dir.write("out/library/\(study)/reference.json",
                      #"{"formatVersion":1,"studyId":"\#(study)","kind":"extremity","extremity":{"label":"\#(i % 2 == 0 ? "abnormal" : "normal")"}}"#)
        }
        let imported = studies.map { "\(lib)/\($0)/images/1.dcm" }
        try run("studies", ["--library", lib])
        try run("studies", ["--library", lib, "--json"])
        for file in [raw[0], raw[1], imported[0], imported[1]] {
            try run("dicom dump", [file])
            try run("image info", [file])
            try run("image info", [file, "--json"])
            try run("image show", [file, "--graphics", "halfblock", "--columns", "20", "--rows", "8"])
        }
        for bad in ["bad/truncated-in-institution.dcm", "bad/name-length-past-end.dcm"] {
            for command in ["dicom dump", "image info", "image show", "image bench", "view"] {
                let r = try run(command, [dir.file(bad)], expectSuccess: false)
                #expect(r.status == 2, "\(command) \(bad) should fail cleanly: \(r.stderr)")
            }
        }
        try run("image bench", [imported[0], "--runs", "1"])
        try run("infer", studies.map { "\(lib)/\($0)" } + ["--models", models])
        try run("infer", studies.map { "\(lib)/\($0)" } + ["--models", models, "--json"])
        try run("models list", ["--models", models])
        try run("models show", ["fracture-phantom", "--models", models])
        try run("models validate", ["--library", lib, "--models", models])
        try run("bench-reading", ["--library", lib, "--rounds", "1"])

        // An experiment on the imported studies, filled by simulate, then every coordinator command.
        try run("experiment create", ["priv", "--library", lib, "--readers", "ann,ben", "--db", db], now: Self.january)
        try run("experiment prepare", ["priv", "--db", db, "--models", models])
        try run("simulate", ["priv", "--seed", "3", "--db", db])
        try run("experiment show", ["priv", "--db", db])
        try run("audit", ["priv", "--db", db])
        try run("audit", ["priv", "--db", db, "--json"])
        try run("experiment report", ["priv", "--db", db, "--plots", dir.file("out/plots")])
        try run("experiment report", ["priv", "--db", db, "--json"])
        try run("experiment report", ["priv", "--db", db, "--screen-snapshot", "120x40"])
        for format in ["long", "imrmc", "json"] {
            try run("export", ["priv", "--format", format, "--out", dir.file("out/export.\(format)"), "--db", db])
        }
        try run("analyze mrmc", [dir.file("out/export.long"), "--format", "long"], expectSuccess: false)
        try run("analyze auc", [dir.file("out/export.long")], expectSuccess: false)
        try run("analyze kappa", [dir.file("out/export.long")], expectSuccess: false)
        try run("verify", ["--db", db])
        try run("doctor", [])

        // The reading room and the viewer, briefly, in a real terminal.
        var screens = ""
        let room = try TmuxSession(command: "'\(bin)' read --library '\(lib)' --db '\(db)' --reader priv --graphics halfblock --models '\(models)'",
                                   width: 120, height: 36, environment: env)
        defer { room.kill() }
        screens += try room.waitFor("Lightbox ·")
        try room.send("Enter")
        usleep(800_000)
        screens += try room.screen()
        try room.send("S")
        usleep(500_000)
        screens += try room.screen()
        try room.send("S")
        usleep(500_000)
        screens += try room.screen()
        try room.send("q")
        screens += try room.waitFor("LIGHTBOX-EXITED-")
        covered.insert("read")
        // Practice: a read, its sign, the feedback screen (model values and reference), the next study.
        let practice = try TmuxSession(command: "'\(bin)' practice read --library '\(lib)' --db '\(db)' --reader priv --graphics halfblock --models '\(models)'",
                                       width: 120, height: 36, environment: env)
        defer { practice.kill() }
        screens += try practice.waitFor("· practice ·")
        try practice.send("Enter")
        usleep(800_000)
        screens += try practice.screen()
        try practice.send("S")
        usleep(500_000)
        screens += try practice.screen()
        try practice.send("S")
        usleep(800_000)
        screens += try practice.screen()
        try practice.send("x")
        usleep(500_000)
        screens += try practice.screen()
        try practice.send("q")
        screens += try practice.waitFor("LIGHTBOX-EXITED-")
        covered.insert("practice read")
        try run("practice review", ["--library", lib, "--reader", "priv", "--db", db])
        try run("verify", ["--db", db])
        for file in [raw[0], imported[0]] {
            let viewer = try TmuxSession(command: "'\(bin)' view '\(file)' --graphics halfblock", width: 100, height: 30, environment: env)
            defer { viewer.kill() }
            usleep(800_000)
            screens += try viewer.screen()
            try viewer.send("q")
            screens += try viewer.waitFor("LIGHTBOX-EXITED-")
        }
        covered.insert("view")

        // PRIVACY_SWEEP_LOG=FILE keeps what the commands printed, to read what was searched.
        if let log = ProcessInfo.processInfo.environment["PRIVACY_SWEEP_LOG"] { try? (output + screens).write(toFile: log, atomically: true, encoding: .utf8) }

        // Every command is swept or exempted with a reason.
        let help = try LightboxBinary.run(["--experimental-dump-help"])
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        let commands = Self.leafCommands(try #require(tree["command"] as? [String: Any]), path: [])
        #expect(commands.count > 20, "\(commands)")
        for command in commands where !covered.contains(command) && Self.exempt[command] == nil {
            Issue.record("lightbox \(command) is neither run by the privacy sweep nor exempted with a reason")
        }

        // Search everything written outside the inputs, the database as a dump too.
        var written = ""
        var files = 0
        for sub in ["out", "home"] {
            for path in fm.subpaths(atPath: dir.file(sub)) ?? [] {
                let full = dir.file("\(sub)/\(path)")
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, let data = fm.contents(atPath: full) else { continue }
                written += "\n== \(sub)/\(path)\n" + String(decoding: data, as: UTF8.self)
                files += 1
            }
        }
        let dump = try Shell.run("sqlite3", [db, ".dump"])
        #expect(dump.status == 0 && dump.stdout.contains("CREATE TABLE"), "\(dump.stderr)")
        #expect(files >= 15, "expected the library, ledger, exports and plots to be searched; found \(files) files")
        let haystacks = [("stdout/stderr", output), ("screens", screens), ("files", written), ("database dump", dump.stdout)]
        for (what, text) in haystacks {
            let lower = text.lowercased()
            for sentinel in Self.sentinels where lower.contains(sentinel.lowercased()) {
                let at = lower.range(of: sentinel.lowercased())!
                let context = text[text.index(at.lowerBound, offsetBy: -min(120, text.distance(from: text.startIndex, to: at.lowerBound)))..<at.upperBound]
                Issue.record("\(sentinel) leaked into \(what): …\(context)")
            }
        }
        // The sweep saw the data it is about: the pseudonymised studies were read, reported and exported.
        #expect(output.contains("<identifying:"), "dicom dump shows identifying attributes as withheld")
        #expect(output.contains(studies[0]), "the reports name the pseudonymous study id")
        print("privacy sweep: \(covered.count) commands run, \(Self.exempt.count) exempt, \(files) files and \(output.count + screens.count) characters of output searched for \(Set(Self.sentinels).count) sentinels")
    }

    /// "analyze mrmc", "studies", …: the paths to commands without subcommands.
    static func leafCommands(_ command: [String: Any], path: [String]) -> [String] {
        let subs = command["subcommands"] as? [[String: Any]] ?? []
        if subs.isEmpty { return [path.joined(separator: " ")] }
        return subs.flatMap { leafCommands($0, path: path + [$0["commandName"] as? String ?? "?"]) }
    }
}
