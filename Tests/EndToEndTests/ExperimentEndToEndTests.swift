import Foundation
import Ledger
import TestSupport
import Testing

/// The coordinator's pipeline through the real binary: create a two-reader
/// crossover on six studies, fill it with `simulate`, export long / iMRMC /
/// json, analyse both rating files, and report with plots. LIGHTBOX_NOW moves
/// the clock: the create happens in January, the reads (dated by simulate)
/// before March, the exports and reports in March.
@Suite struct ExperimentEndToEndTests {
    static let january = ["LIGHTBOX_NOW": "2026-01-05T09:00:00Z"]
    static let march = ["LIGHTBOX_NOW": "2026-03-20T09:00:00Z"]

    /// Six extremity studies, alternately normal and abnormal (three of each), in folders
    /// WRIST-1…6; `id` names study i (a test may give one an id that needs CSV quoting).
    static func makeLibrary(_ dir: TempDirectory, id: (Int) -> String = { "WRIST-\($0)" }) -> String {
        for i in 1...6 {
            let json = id(i).replacingOccurrences(of: "\"", with: "\\\"")
            dir.write("library/WRIST-\(i)/study.json", """
                {"formatVersion":1,"id":"\(json)","kind":"extremity","modality":"DX","bodyPart":"WRIST",\
                "patient":{"pseudoId":"P\(i)","sex":"F","ageMonths":300},"series":[{"id":"1","view":"PA","images":["a.png"]}]}
                """)
            dir.write("library/WRIST-\(i)/a.png", "x")
            dir.write("library/WRIST-\(i)/reference.json", """
                {"formatVersion":1,"studyId":"\(json)","kind":"extremity","extremity":{"label":"\(i % 2 == 0 ? "abnormal" : "normal")"}}
                """)
        }
        return dir.file("library")
    }

    func run(_ arguments: [String], _ environment: [String: String]) throws -> LightboxBinary.Result {
        try LightboxBinary.run(arguments, environment: environment)
    }

    func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func crossoverFromCreateToReport() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-experiment")
        defer { dir.remove() }
        let library = Self.makeLibrary(dir)
        let db = dir.file("ledger.sqlite")

        // create
        let create = try run(["experiment", "create", "trial", "--library", library, "--readers", "ann,ben",
                              "--arms", "unaided,aided", "--design", "crossover", "--seed", "5", "--db", db], Self.january)
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("2 reader(s), 6 case(s)"), "\(create.stdout)")
        #expect(create.stdout.contains("24 assignments"), "\(create.stdout)")
        #expect(create.stderr.isEmpty, "no warnings for a balanced design with a 28-day washout: \(create.stderr)")

        // show, before any read: session 1 open, session 2 waiting
        let before = try run(["experiment", "show", "trial", "--db", db], Self.january)
        #expect(before.status == 0, "\(before.stderr)")
        let beforeLines = before.stdout.split(separator: "\n").map(String.init)
        for reader in ["ann", "ben"] {
            let line = try #require(beforeLines.first { $0.hasPrefix(reader + " ") }, "\(before.stdout)")
            #expect(line.contains("0/6 open") && line.contains("0/6 after session 1"), "\(line)")
        }
        // counterbalanced: one reader starts unaided, the other aided
        let starts = beforeLines.filter { $0.hasPrefix("ann ") || $0.hasPrefix("ben ") }
        #expect(starts.filter { $0.contains(" unaided ") }.count == 1 && starts.filter { $0.contains(" aided ") }.count == 1, "\(starts)")

        // a second create with the same name is refused in one line
        let again = try run(["experiment", "create", "trial", "--library", library, "--readers", "ann,ben", "--db", db], Self.january)
        #expect(again.status == 2)
        #expect(again.stderr.hasSuffix("\n") && again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")

        // simulate
        let simulate = try run(["simulate", "trial", "--readers", "2", "--cases", "6", "--time-ratio", "0.8",
                                "--auc-delta", "0.03", "--seed", "9", "--db", db], Self.march)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.contains("24 signed read(s)"), "\(simulate.stdout)")
        let simulateAgain = try run(["simulate", "trial", "--seed", "9", "--db", db], Self.march)
        #expect(simulateAgain.status == 2, "simulate refuses an experiment that has reads")

        // show, after: both sessions done (the washout passed between them)
        let after = try run(["experiment", "show", "trial", "--db", db], Self.march)
        #expect(after.stdout.components(separatedBy: "6/6 done").count - 1 == 4, "\(after.stdout)")

        // export long: header + one row per reader × case × arm
        let long = dir.file("trial.csv")
        let exportLong = try run(["export", "trial", "--format", "long", "--out", long, "--db", db], Self.march)
        #expect(exportLong.status == 0, "\(exportLong.stderr)")
        let longLines = try lines(long)
        #expect(longLines.count == 1 + 24)
        #expect(longLines.first == "reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s")
        var cells = Set<String>()
        for line in longLines.dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(f.count == 11, "\(line)")
            guard f.count == 11 else { continue }
            cells.insert("\(f[0])|\(f[1])|\(f[2])")
            let caseNumber = try #require(Int(f[2])), truth = try #require(Int(f[3]))
            #expect((1...6).contains(caseNumber))
            #expect(truth == (Int(f[5].dropFirst("WRIST-".count))! % 2 == 0 ? 1 : 0), "truth from reference.json: \(line)")
            #expect((1...10).contains(try #require(Int(f[4]))))
            let total = try #require(Double(f[7])), active = try #require(Double(f[8]))
            let pre = try #require(Double(f[9])), post = try #require(Double(f[10]))
            #expect(total > 0 && active > 0 && active <= total + 0.0015)
            #expect(abs(pre + post - active) <= 0.002, "active = before AI + after AI: \(line)")
            if f[1] == "unaided" { #expect(post == 0, "no AI in the unaided arm: \(line)") }
            if f[1] == "aided" { #expect(post > 0, "\(line)") }
        }
        #expect(cells.count == 24, "every reader × treatment × case exactly once")

        // export imrmc: 6 truth rows + 24 ratings
        let imrmc = dir.file("trial.imrmc")
        let exportIMRMC = try run(["export", "trial", "--format", "imrmc", "--out", imrmc, "--db", db], Self.march)
        #expect(exportIMRMC.status == 0, "\(exportIMRMC.stderr)")
        let imrmcLines = try lines(imrmc)
        for header in ["NR: 2", "N0: 3", "N1: 3", "NM: 2"] { #expect(imrmcLines.contains(header), "\(header)") }
        let data = try #require(imrmcLines.firstIndex(of: "BEGIN DATA:"))
        let rows = imrmcLines[(data + 1)...]
        #expect(rows.filter { $0.hasPrefix("-1,") }.count == 6)
        #expect(rows.filter { !$0.hasPrefix("-1,") }.count == 24)

        // export json: every event; 24 signed
        let json = dir.file("trial.json")
        let exportJSON = try run(["export", "trial", "--format", "json", "--out", json, "--db", db], Self.march)
        #expect(exportJSON.status == 0, "\(exportJSON.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.filter { $0["kind"] as? String == "signed" }.count == 24)
        #expect(events.filter { $0["kind"] as? String == "opened" }.count == 24)
        #expect(events.filter { $0["kind"] as? String == "aiRevealed" }.count == 12, "one per aided read")
        #expect(exportJSON.stdout.contains("\(events.count) event row(s)"))

        // analyze both files: same numbers
        var results: [[String: Any]] = []
        for (file, format) in [(long, "long"), (imrmc, "imrmc")] {
            let analyze = try run(["analyze", "mrmc", file, "--format", format, "--json"], [:])
            #expect(analyze.status == 0, "\(format): \(analyze.stderr)")
            results.append(try #require(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) as? [String: Any]))
        }
        let aucLong = try #require(results[0]["auc"] as? [String: Double])
        let aucIMRMC = try #require(results[1]["auc"] as? [String: Double])
        #expect(Set(aucLong.keys) == ["aided", "unaided"])
        for (treatment, auc) in aucLong {
            #expect(auc > 0 && auc <= 1)
            #expect(abs(auc - (aucIMRMC[treatment] ?? -1)) < 1e-12)
        }
        let pLong = try #require(results[0]["p"] as? Double), pIMRMC = try #require(results[1]["p"] as? Double)
        #expect(pLong >= 0 && pLong <= 1 && abs(pLong - pIMRMC) < 1e-12)

        // report with plots
        let plots = dir.file("plots")
        let report = try run(["experiment", "report", "trial", "--json", "--plots", plots, "--db", db], Self.march)
        #expect(report.status == 0, "\(report.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(summary["rows"] as? Int == 24)
        let mrmc = try #require(summary["mrmc"] as? [String: Any])
        let reportAUC = try #require(mrmc["auc"] as? [String: Double])
        for (treatment, auc) in aucLong { #expect(abs(auc - (reportAUC[treatment] ?? -1)) < 1e-12) }
        let time = try #require(summary["readingTime"] as? [String: Any])
        let ratio = try #require(time["ratio"] as? Double)
        #expect(ratio > 0.2 && ratio < 3, "\(ratio)")
        let accuracy = try #require(summary["accuracy"] as? [[String: Any]])
        #expect(accuracy.map { $0["reads"] as? Int } == [12, 12])
        let bias = try #require(summary["automationBias"] as? [[String: Any]])
        #expect(bias.first?["findings"] as? Int == 12, "one fracture finding per aided read")
        for (file, size) in [("roc.png", (640, 640)), ("reading-time.png", (800, 560))] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: (plots as NSString).appendingPathComponent(file))))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(file) is a PNG")
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == size.0 && height == size.1, "\(file)")
            #expect(bytes[25] == 2, "\(file) is RGB (colour type 2)")
            // Lightbox's own validating PNG decoder (libpng) reads it back: white paper, black text.
            let info = try run(["image", "info", (plots as NSString).appendingPathComponent(file)], [:])
            #expect(info.status == 0, "\(info.stderr)")
            for line in ["rows: \(size.1)", "columns: \(size.0)", "photometric: RGB", "min: 0", "max: 255"] {
                #expect(info.stdout.contains(line + "\n"), "\(file): \(line)")
            }
        }

        // the text report names every part
        let text = try run(["experiment", "report", "trial", "--db", db], Self.march)
        #expect(text.status == 0, "\(text.stderr)")
        for part in ["Accuracy per treatment", "MRMC ROC: Obuchowski–Rockette", "pooled aided/unaided ratio", "Automation bias"] {
            #expect(text.stdout.contains(part), "\(part)")
        }
    }

    @Test func sequentialArmExportsBothPasses() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-experiment-seq")
        defer { dir.remove() }
        let library = Self.makeLibrary(dir)
        let db = dir.file("ledger.sqlite")
        let create = try run(["experiment", "create", "seq", "--library", library, "--readers", "ann,ben",
                              "--arms", "unaided,aided", "--sequential", "--seed", "2", "--db", db], Self.january)
        #expect(create.status == 0, "\(create.stderr)")
        // three arms → three sessions; each reader reads each case once per arm
        #expect(create.stdout.contains("3 session(s)") && create.stdout.contains("36 assignments"), "\(create.stdout)")
        #expect(create.stderr.contains("counterbalancing is incomplete"), "2 readers cannot cover 3 arm orders: \(create.stderr)")

        let simulate = try run(["simulate", "seq", "--seed", "4", "--db", db], ["LIGHTBOX_NOW": "2026-06-01T09:00:00Z"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        // 36 assignments, the 12 sequential ones signed twice
        #expect(simulate.stdout.contains("48 signed read(s)"), "\(simulate.stdout)")

        let long = dir.file("seq.csv")
        let export = try run(["export", "seq", "--format", "long", "--out", long, "--db", db], [:])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try lines(long).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 48)
        var perTreatment: [String: Int] = [:]
        for row in rows { perTreatment[row[1], default: 0] += 1 }
        #expect(perTreatment == ["unaided": 12, "aided": 12, "sequential-unaided": 12, "sequential-aided": 12])
        for row in rows where row[1] == "sequential-unaided" { #expect(Double(row[10]) == 0, "first pass is before AI: \(row)") }
        for row in rows where row[1] == "sequential-aided" {
            #expect(Double(row[9]) == 0 && (Double(row[10]) ?? 0) > 0, "second pass is after AI: \(row)")
        }
        let analyze = try run(["analyze", "mrmc", long, "--format", "long", "--json"], [:])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) as? [String: Any])
        #expect((result["auc"] as? [String: Double])?.count == 4)
    }

    /// Session by session with the clock moved: session 2 is refused until the
    /// washout (28 days after each reader's last session-1 sign) has passed.
    @Test func washoutGatesTheSecondSession() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-experiment-washout")
        defer { dir.remove() }
        let library = Self.makeLibrary(dir)
        let db = dir.file("ledger.sqlite")
        #expect(try run(["experiment", "create", "wo", "--library", library, "--readers", "ann,ben", "--seed", "5", "--db", db],
                        Self.january).status == 0)
        // session 1 read on 4 January (simulate dates the session a day before now)
        let first = try run(["simulate", "wo", "--session", "1", "--seed", "3", "--db", db], Self.january)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("12 signed read(s)"), "\(first.stdout)")

        let waiting = try run(["experiment", "show", "wo", "--db", db], Self.january)
        for reader in ["ann", "ben"] {
            let line = try #require(waiting.stdout.split(separator: "\n").first { $0.hasPrefix(reader + " ") }, "\(waiting.stdout)")
            #expect(line.contains("6/6 done 2026-01-04"), "\(line)")
            #expect(line.contains("0/6 opens 2026-02-01"), "washout of 28 days from 4 January: \(line)")
        }
        // two weeks later: still in the washout, refused in one line with the date
        let early = try run(["simulate", "wo", "--session", "2", "--seed", "3", "--db", db], ["LIGHTBOX_NOW": "2026-01-19T09:00:00Z"])
        #expect(early.status == 2)
        #expect(early.stderr.hasPrefix("lightbox: reader ann, session 2: opens 2026-02-01 "), "\(early.stderr)")
        #expect(early.stderr.split(separator: "\n").count == 1)

        // after the washout: open, then filled
        let open = try run(["experiment", "show", "wo", "--db", db], ["LIGHTBOX_NOW": "2026-02-02T12:00:00Z"])
        #expect(open.stdout.components(separatedBy: "0/6 open").count - 1 == 2, "\(open.stdout)")
        let second = try run(["simulate", "wo", "--session", "2", "--seed", "3", "--db", db], ["LIGHTBOX_NOW": "2026-02-10T09:00:00Z"])
        #expect(second.status == 0, "\(second.stderr)")
        let done = try run(["experiment", "show", "wo", "--db", db], ["LIGHTBOX_NOW": "2026-02-10T09:00:00Z"])
        #expect(done.stdout.components(separatedBy: "6/6 done 2026-02-09").count - 1 == 2, "\(done.stdout)")

        let long = dir.file("wo.csv")
        #expect(try run(["export", "wo", "--format", "long", "--out", long, "--db", db], [:]).status == 0)
        let rows = try lines(long).dropFirst()
        #expect(rows.count == 24)
        #expect(rows.filter { $0.split(separator: ",")[6] == "1" }.count == 12 && rows.filter { $0.split(separator: ",")[6] == "2" }.count == 12)
    }

    @Test func coordinatorErrorsAreOneLine() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-experiment-errors")
        defer { dir.remove() }
        let library = Self.makeLibrary(dir)
        let db = dir.file("ledger.sqlite")
        let cases: [([String], [String: String], String)] = [
            (["experiment", "create", "x", "--library", library, "--readers", "a,a", "--db", db], [:],
             "lightbox: experiment.readers: reader a is listed twice\n"),
            (["experiment", "create", "x", "--library", library, "--readers", "a,b", "--design", "latin", "--db", db], [:],
             "lightbox: --design: 'latin' is not valid (expected crossover, fully-crossed or split-plot)\n"),
            (["experiment", "create", "x", "--library", library, "--readers", "a,b", "--cases", "9", "--db", db], [:],
             "lightbox: experiment.cases: asked for 9 case(s); the library has 6\n"),
            (["experiment", "create", "x", "--library", library, "--readers", "a,b", "--db", db], ["LIGHTBOX_NOW": "tomorrow"],
             "lightbox: LIGHTBOX_NOW: 'tomorrow' is not an ISO 8601 time such as 2026-03-01T09:00:00Z\n"),
            (["experiment", "show", "nope", "--db", db], [:],
             "lightbox: experiment nope: no ledger at \(db) (create the experiment with `lightbox experiment create`, or pass the right --db)\n"),
        ]
        for (arguments, environment, expected) in cases {
            let r = try run(arguments, environment)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr == expected, "\(arguments)")
        }
        // a study without reference.json makes the study unanalysable: refused at create
        try FileManager.default.removeItem(atPath: dir.file("library/WRIST-3/reference.json"))
        let r = try run(["experiment", "create", "x", "--library", library, "--readers", "a,b", "--db", db], [:])
        #expect(r.status == 2)
        #expect(r.stderr == "lightbox: case WRIST-3: has no reference.json beside study.json\n")
        // A ledger that exists but lacks the experiment says so (not "no ledger").
        _ = try LedgerStore(path: db)
        let missing = try run(["experiment", "show", "nope", "--db", db], [:])
        #expect(missing.stderr == "lightbox: experiment nope: no such experiment in this ledger (create it with `lightbox experiment create`)\n")
    }
}
