import Foundation
import TestSupport
import Testing

/// The reader-study "done when" run in a real terminal: a two-reader crossover
/// over six sample studies (session 1, then session 2 with the study clock moved
/// past the washout) and a sequential-arm session; then the exports hold exactly
/// the rows the keystrokes made, and `long`/`imrmc` load in `analyze mrmc`.
@Suite(.serialized) struct ReaderStudyEndToEndTests {
    /// What the scripted reader typed for one signed pass.
    struct Pass: Hashable {
        var reader: String
        var treatment: String
        var caseID: String
        var session: Int
        var rating: Int
    }

    let bin: String
    let dir = TempDirectory("lightbox-study-e2e")
    let lib: String
    let db: String
    let models = SharedReference.packageRoot.appendingPathComponent("Models").path
    /// Extremity reference labels by case id (1 = abnormal).
    var truth: [String: Int] = [:]

    init() throws {
        bin = try #require(LightboxBinary.path, "build lightbox first")
        lib = dir.file("lib")
        db = dir.file("ledger.sqlite")
        let samples = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        try FileManager.default.createDirectory(atPath: lib, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) where name.contains("extremity") {
            try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: lib + "/" + name)
            let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: lib + "/" + name + "/reference.json")))
            let label = ((reference as? [String: Any])?["extremity"] as? [String: Any])?["label"] as? String
            truth[name] = label == "abnormal" ? 1 : 0
        }
    }

    /// Rating on the 1–10 scale of Docs/READER-STUDIES.md: absent c → 6 − c, present c → 5 + c.
    static func rating(abnormal: Bool, confidence: Int) -> Int { abnormal ? 5 + confidence : 6 - confidence }

    /// Polls the screen until `ready` holds (a whole frame, not one caught mid-draw).
    @discardableResult
    func wait(_ tmux: TmuxSession, _ what: String, timeout: TimeInterval = 20, _ ready: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try tmux.screen()
            if ready(last) { return last }
            usleep(40_000)
        }
        throw Timeout(description: "timed out waiting for \(what); screen was:\n\(last)")
    }

    struct Timeout: Error, CustomStringConvertible { var description: String }

    static func title(_ screen: String) -> String {
        let first = screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return first.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ").first ?? ""
    }

    /// Records a call and a confidence, then signs: o, 1 normal / 2 abnormal, Enter, Enter
    /// (skips the optional override reason), c, confidence, Enter, S.
    func answer(_ tmux: TmuxSession, abnormal: Bool, confidence: Int) throws {
        try tmux.send("o", abnormal ? "2" : "1", "Enter", "Enter", "c", String(confidence), "Enter", "S")
    }

    /// One reader's current session of a two-arm experiment: reads the cases in the
    /// assigned order; aided reads are right with confidence 5, unaided ones right with 4
    /// except the second case of the session (wrong, confidence 2).
    func readSession(experiment: String, reader: String, session: Int, environment: [String: String] = [:]) throws -> [Pass] {
        let tmux = try TmuxSession(command: "'\(bin)' read --experiment \(experiment) --reader \(reader) --db '\(db)' --models '\(models)' --graphics halfblock",
                                   width: 120, height: 30, environment: environment.merging(LightboxBinary.actingAs(reader)) { a, _ in a })
        defer { tmux.kill() }
        try tmux.waitFor("\(experiment) session \(session)")
        try tmux.send("Enter")
        var passes: [Pass] = []
        for i in 1...6 {
            let screen = try wait(tmux, "case \(i) of session \(session)") {
                $0.contains("· \(i) of 6 · saved") && Self.title($0).hasPrefix("ph-extremity-")
            }
            let caseID = Self.title(screen)
            let arm = screen.contains("· unaided · \(i) of 6") ? "unaided" : "aided"
            #expect(screen.contains("· \(arm) · \(i) of 6"), "the status line names the arm")
            if arm == "unaided" {
                let panel = try tmux.waitFor("Unaided read: no AI in this arm.")
                #expect(!panel.contains("AI:"), "an unaided read must not show the AI")
            } else {
                try tmux.waitFor("AI: fracture-phantom")   // an aided reader reads with the AI on screen
            }
            let right = arm == "aided" || i != 2
            let abnormal = (truth[caseID] == 1) == right
            let confidence = arm == "aided" ? 5 : (right ? 4 : 2)
            try answer(tmux, abnormal: abnormal, confidence: confidence)
            passes.append(Pass(reader: reader, treatment: arm, caseID: caseID, session: session,
                               rating: Self.rating(abnormal: abnormal, confidence: confidence)))
        }
        try tmux.waitFor("6/6 signed")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
        return passes
    }

    /// A sequential session: the first read without the AI (right except the
    /// third case), signed; the second with the AI shown, right with confidence 5.
    func readSequential(experiment: String, reader: String) throws -> [Pass] {
        let tmux = try TmuxSession(command: "'\(bin)' read --experiment \(experiment) --reader \(reader) --db '\(db)' --models '\(models)' --graphics halfblock",
                                   width: 120, height: 30, environment: LightboxBinary.actingAs(reader))
        defer { tmux.kill() }
        try tmux.waitFor("\(experiment) session 1")
        try tmux.send("Enter")
        var passes: [Pass] = []
        for i in 1...6 {
            let first = try wait(tmux, "first read of case \(i)") {
                $0.contains("· sequential · \(i) of 6 · saved") && $0.contains("Sequential, first read: no AI")
                    && Self.title($0).hasPrefix("ph-extremity-")
            }
            #expect(!first.contains("AI:") && !first.contains("fracture-phantom"), "the first read must not show the AI")
            let caseID = Self.title(first)
            let right = i != 3
            let abnormal = (truth[caseID] == 1) == right
            try answer(tmux, abnormal: abnormal, confidence: right ? 4 : 2)
            passes.append(Pass(reader: reader, treatment: "sequential-unaided", caseID: caseID, session: 1,
                               rating: Self.rating(abnormal: abnormal, confidence: right ? 4 : 2)))

            let second = try wait(tmux, "second read of case \(i)") {
                $0.contains("sequential 2nd read · \(i) of 6 · saved") && $0.contains("AI: fracture-phantom")
            }
            #expect(Self.title(second) == caseID, "the second read is of the same case")
            try answer(tmux, abnormal: truth[caseID] == 1, confidence: 5)
            passes.append(Pass(reader: reader, treatment: "sequential-aided", caseID: caseID, session: 1,
                               rating: Self.rating(abnormal: truth[caseID] == 1, confidence: 5)))
        }
        try tmux.waitFor("6/6 signed")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
        return passes
    }

    func run(_ arguments: [String], _ environment: [String: String] = [:]) throws -> LightboxBinary.Result {
        try LightboxBinary.run(arguments, environment: environment)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The long export's rows as passes, checking each row's truth and times.
    func exported(_ experiment: String) throws -> (passes: [Pass], rows: [[String]]) {
        let long = dir.file("\(experiment).csv")
        let r = try run(["export", experiment, "--format", "long", "--out", long, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let all = try lines(long)
        #expect(all.first == "reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s")
        var passes: [Pass] = [], rows: [[String]] = []
        for line in all.dropFirst() {
            let f = line.components(separatedBy: ",")
            guard f.count == 11, let session = Int(f[6]), let rating = Double(f[4]),
                  let active = Double(f[8]), let pre = Double(f[9]), let post = Double(f[10]) else {
                Issue.record("bad row \(line)"); continue
            }
            #expect(Int(f[3]) == truth[f[5]], "truth from reference.json: \(line)")
            #expect(abs(pre + post - active) <= 0.002, "active = before AI + after AI: \(line)")
            passes.append(Pass(reader: f[0], treatment: f[1], caseID: f[5], session: session, rating: Int(rating)))
            rows.append(f)
        }
        return (passes, rows)
    }

    @Test func crossoverAndSequentialFromTheReadingScreenToTheAnalysis() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        defer { dir.remove() }
        let create = try run(["experiment", "create", "xo", "--library", lib, "--readers", "amy,bo", "--arms", "unaided,aided",
                              "--design", "crossover", "--cases", "6", "--seed", "7", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")

        var typed: [Pass] = []
        for reader in ["amy", "bo"] { typed += try readSession(experiment: "xo", reader: reader, session: 1) }
        let refused = try Shell.run(bin, ["read", "--experiment", "xo", "--reader", "amy", "--db", db], environment: LightboxBinary.actingAs("amy"))
        #expect(refused.status == 2 && refused.stderr.contains("28-day washout"), "\(refused.stderr)")
        // The study clock moved 30 days on: session 2 opens.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(30 * 86_400))
        for reader in ["amy", "bo"] {
            typed += try readSession(experiment: "xo", reader: reader, session: 2, environment: ["LIGHTBOX_NOW": later])
        }
        // Crossover: each reader read each case once per arm, the arms in different sessions.
        for reader in ["amy", "bo"] {
            let mine = typed.filter { $0.reader == reader }
            #expect(Set(mine.map { "\($0.caseID)|\($0.treatment)" }).count == 12)
            for caseID in Set(mine.map(\.caseID)) {
                #expect(Set(mine.filter { $0.caseID == caseID }.map(\.session)) == [1, 2])
            }
        }

        let (xoPasses, _) = try exported("xo")
        #expect(xoPasses.count == 24)
        #expect(Set(xoPasses) == Set(typed), "the long export holds exactly the typed reads")

        let imrmc = dir.file("xo.imrmc")
        let exportIMRMC = try run(["export", "xo", "--format", "imrmc", "--out", imrmc, "--db", db])
        #expect(exportIMRMC.status == 0, "\(exportIMRMC.stderr)")
        let imrmcLines = try lines(imrmc)
        let chosen = Set(typed.map(\.caseID))
        let positives = chosen.filter { truth[$0] == 1 }.count
        for header in ["NR: 2", "N0: \(6 - positives)", "N1: \(positives)", "NM: 2"] {
            #expect(imrmcLines.contains(header), "\(header)")
        }
        let data = try #require(imrmcLines.firstIndex(of: "BEGIN DATA:"))
        let body = imrmcLines[(data + 1)...]
        #expect(body.filter { $0.hasPrefix("-1,") }.count == 6)
        let ratingRows = body.filter { !$0.hasPrefix("-1,") }.map { $0.components(separatedBy: ",") }
        #expect(ratingRows.count == 24)
        // The .imrmc file numbers readers; its mapping file names them.
        let readerNames = Dictionary(uniqueKeysWithValues: RFC4180.parse(try String(contentsOfFile: imrmc + ".ids.csv", encoding: .utf8))
            .filter { $0.first == "reader" }.map { ($0[1], $0[2]) })
        let imrmcRatings = ratingRows.map { "\(readerNames[$0[0]] ?? $0[0])|\($0[2])|\($0[3])" }.sorted()
        #expect(imrmcRatings == typed.map { "\($0.reader)|\($0.treatment)|\($0.rating)" }.sorted())

        let json = dir.file("xo.json")
        let exportJSON = try run(["export", "xo", "--format", "json", "--out", json, "--db", db])
        #expect(exportJSON.status == 0, "\(exportJSON.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.filter { $0["kind"] as? String == "signed" }.count == 24)
        #expect(events.filter { $0["kind"] as? String == "opened" }.count == 24)
        #expect(events.filter { $0["kind"] as? String == "aiRevealed" }.count == 12, "one per aided read")
        #expect(events.filter { $0["kind"] as? String == "aiRevealed" }.allSatisfy { $0["arm"] as? String == "aided" })

        for (file, format) in [(dir.file("xo.csv"), "long"), (imrmc, "imrmc")] {
            let analyze = try run(["analyze", "mrmc", file, "--format", format])
            #expect(analyze.status == 0, "\(format): \(analyze.stderr)")
            #expect(analyze.stdout.contains("2 treatments, 2 readers, 6 cases"), "\(analyze.stdout)")
        }

        // The sequential arm: one session, both reads of every case kept and exported.
        let createSeq = try run(["experiment", "create", "sq", "--library", lib, "--readers", "cy", "--arms", "sequential",
                                 "--design", "fully-crossed", "--cases", "6", "--seed", "9", "--db", db])
        #expect(createSeq.status == 0, "\(createSeq.stderr)")
        let seqTyped = try readSequential(experiment: "sq", reader: "cy")
        let (sqPasses, sqRows) = try exported("sq")
        #expect(sqPasses.count == 12)
        #expect(Set(sqPasses) == Set(seqTyped), "the long export holds exactly both reads of every case")
        for row in sqRows {
            let pre = Double(row[9]) ?? -1, post = Double(row[10]) ?? -1
            if row[1] == "sequential-unaided" { #expect(post == 0, "the first read is all before the AI: \(row)") }
            // Before the AI on a second read is only the model's latency (the scripted reader waits for it).
            if row[1] == "sequential-aided" { #expect(post > 0 && pre < 5, "the second read is after the AI: \(row)") }
        }
        let seqJSON = dir.file("sq.json")
        #expect(try run(["export", "sq", "--format", "json", "--out", seqJSON, "--db", db]).status == 0)
        let seqObject = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seqJSON))) as? [String: Any])
        let seqEvents = try #require(seqObject["events"] as? [[String: Any]])
        let signedPasses = seqEvents.filter { $0["kind"] as? String == "signed" }.compactMap { $0["pass"] as? Int }
        #expect(signedPasses.sorted() == Array(repeating: 1, count: 6) + Array(repeating: 2, count: 6))
        #expect(seqEvents.filter { $0["kind"] as? String == "aiRevealed" }.allSatisfy { $0["pass"] as? Int == 2 },
                "the AI is revealed only on second reads")
        #expect(seqEvents.filter { $0["kind"] as? String == "aiRevealed" }.count == 6)
        let show = try run(["experiment", "show", "sq", "--db", db])
        #expect(show.stdout.contains("6/6 done"), "\(show.stdout)")
    }
}
