import Common
import Foundation
import Ledger
import ReaderStudy
import TestSupport
import Testing

/// The reading room in a real terminal, with the shipped models: three sample
/// studies — accept all on a fracture study, override the bone age (typed
/// months) with a reason, quit mid-study and restart, resume, give a
/// confidence, sign, then override one spine level and accept the rest — and
/// the ledger holds exactly the expected signed values and event sequence.
@Suite(.serialized) struct ReadingRoomThreeStudiesTests {
    let root = SharedReference.packageRoot.path
    let extremity = "ph-extremity-0c9e212d6688362c"
    let hand = "ph-hand-353a226bebbc784b"
    let spine = "ph-spine-30762d55c3344197"

    /// The models' values for a study, in the reading screen's vocabulary, from `lightbox infer --json`.
    func aiValues(_ study: String) throws -> [String: String] {
        let r = try LightboxBinary.run(["infer", root + "/SampleStudies/" + study, "--json", "--models", root + "/Models"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "infer: \(r.stderr)")
        func argmax(_ v: Any?) -> Int {
            // JSONSerialization hands numbers over as NSNumber; 0 and 1 would not cast to Double.
            let a = (v as? [Double]) ?? ((v as? [NSNumber]) ?? []).map(\.doubleValue)
            return a.indices.max { a[$0] < a[$1] } ?? 0
        }
        var values: [String: String] = [:]
        if let f = json["fracture"] as? [String: Any], let abnormal = f["abnormal"] as? Bool {
            values["fracture.study"] = abnormal ? "abnormal" : "normal"
        }
        if let b = json["boneAge"] as? [String: Any], let months = b["months"] as? Double {
            values["boneAge.months"] = String(min(240, max(0, Int(months.rounded()))))
        }
        if let s = json["spine"] as? [String: Any], let levels = s["levels"] as? [[String: Any]] {
            for l in levels {
                let level = try #require(l["level"] as? String)
                // infer's JSON: canal stenosis as named probabilities, Pfirrmann as five, listhesis as its label.
                let canal = try #require(l["canalStenosis"] as? [String: NSNumber])
                let grades = ["normalMild", "moderate", "severe"].map { canal[$0]?.doubleValue ?? 0 }
                values["spine.\(level).canalStenosis"] = FindingCatalog.stenosisGrades[argmax(grades)]
                values["spine.\(level).pfirrmann"] = FindingCatalog.pfirrmannGrades[argmax(l["pfirrmann"])]
                values["spine.\(level).listhesis"] = try #require(l["listhesis"] as? String)
            }
        }
        return values
    }

    @Test func threeStudiesWithQuitAndResume() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-three")
        defer { dir.remove() }
        // A library of exactly these three (folder order: extremity, hand, spine).
        for s in [extremity, hand, spine] {
            try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: dir.file("lib/" + s), withDestinationPath: root + "/SampleStudies/" + s)
        }
        let ai = try [extremity, hand, spine].map(aiValues)
        guard ai.allSatisfy({ !$0.isEmpty }) else {
            Issue.record("no installed model answered for the sample studies (Models/ missing?)")
            return
        }
        let db = dir.file("ledger.sqlite")
        // An empty config folder: a developer's own keys.toml must not change the keys.
        let env = ["TERM": "xterm-256color", "XDG_CONFIG_HOME": dir.file("config")].merging(LightboxBinary.actingAs("e2e3")) { a, _ in a }
        let command = "cd '\(root)' && '\(bin)' --library '\(dir.file("lib"))' --db '\(db)' --reader e2e3 --graphics halfblock --models '\(root)/Models'"

        // Run 1: accept all on the fracture study and sign; override the bone age, then quit mid-study.
        do {
            let tmux = try TmuxSession(command: command, width: 120, height: 36, environment: env)
            defer { tmux.kill() }
            try tmux.waitFor("unread")
            try tmux.send("Enter")
            try tmux.waitFor("AI: fracture-phantom", timeout: 30)
            // Per-view probabilities are named by view, not by file (images/1.png).
            let fracture = try tmux.waitFor("PA: P =")
            #expect(fracture.contains("LAT: P =") && !fracture.contains(".png"))
            try tmux.waitFor(" saved")
            try tmux.send("A")
            try tmux.waitFor("Accepted 1 finding")
            try tmux.send("S")
            try tmux.waitFor("Signed \(extremity)")
            try tmux.waitFor("AI: boneage-phantom", timeout: 30)
            try tmux.waitFor(" saved")
            try tmux.send("o")
            try tmux.waitFor("Your value: Bone age")
            try tmux.type("140")
            try tmux.send("Enter")
            try tmux.waitFor("Reason for the override")
            try tmux.type("carpals")
            try tmux.send("Enter")
            try tmux.waitFor("✎ 140")
            try tmux.send("q")
            try tmux.waitFor("LIGHTBOX-EXITED-0")
        }

        // Run 2: the queue shows the hand study in progress; reopening resumes the draft.
        do {
            let tmux = try TmuxSession(command: command, width: 120, height: 36, environment: env)
            defer { tmux.kill() }
            try tmux.waitFor("in progress")
            try tmux.send("Enter")
            try tmux.waitFor("Resumed your draft")
            try tmux.waitFor("✎ 140")
            try tmux.waitFor("AI: boneage-phantom", timeout: 30)
            try tmux.send("c")
            try tmux.waitFor("1 (low) … 5 (high)")
            try tmux.type("4")
            try tmux.send("Enter")
            try tmux.waitFor("Confidence 4 of 5")
            try tmux.send("S")
            try tmux.waitFor("Signed \(hand)")
            try tmux.waitFor("AI: spine-phantom", timeout: 30)
            try tmux.waitFor(" saved")
            // The model's level centres are marked beside the image (issue #6).
            try tmux.waitFor("◂L4-L5")
            // L2-L3 canal is the fourth finding: override it with a grade the AI did not give.
            try tmux.send("Tab", "Tab", "Tab")
            try tmux.send("o")
            try tmux.waitFor("Your value: L2-L3 canal")
            let aiGrade = try #require(ai[2]["spine.L2-L3.canalStenosis"])
            let mine = aiGrade == "normal/mild" ? "moderate" : "normal/mild"
            try tmux.type(String(FindingCatalog.stenosisGrades.firstIndex(of: mine)! + 1))
            try tmux.send("Enter")
            try tmux.waitFor("Reason for the override")
            try tmux.send("Escape")
            try tmux.waitFor("✎ \(mine)")
            try tmux.send("A")
            try tmux.waitFor("Accepted 14 findings")
            try tmux.send("S")
            try tmux.waitFor("Every study in the queue is signed")
            try tmux.send("q")
            try tmux.waitFor("LIGHTBOX-EXITED-0")

            // The ledger: exactly the expected signed values …
            let ledger = try LedgerStore(path: db, readOnly: true)
            let signed = try ledger.signedReads(reader: "e2e3")
            #expect(signed.map(\.study) == [extremity, hand, spine])
            guard signed.count == 3 else { return }
            func decisions(_ i: Int, overriding: [String: String] = [:], reasons: [String: String] = [:]) -> [FindingDecision] {
                ai[i].keys.sorted().map { key in
                    let mine = overriding[key]
                    var d = FindingDecision(finding: key, aiValue: ai[i][key], readerValue: mine ?? ai[i][key],
                                            state: mine == nil || mine == ai[i][key] ? .accepted : .overridden)
                    d.reason = reasons[key]
                    return d
                }
            }
            func sorted(_ d: [FindingDecision]) -> [FindingDecision] { d.sorted { $0.finding < $1.finding } }
            #expect(sorted(signed[0].decisions) == decisions(0))
            #expect(signed[0].confidence == nil)
            #expect(sorted(signed[1].decisions) == decisions(1, overriding: ["boneAge.months": "140"], reasons: ["boneAge.months": "carpals"]))
            #expect(signed[1].confidence == 4)
            #expect(sorted(signed[2].decisions) == decisions(2, overriding: ["spine.L2-L3.canalStenosis": mine]))
            #expect(signed[2].decisions.count == 15)

            // … and exactly the expected events, in order.
            let reads = try ledger.reads(reader: "e2e3")
            #expect(reads.map(\.study) == [extremity, hand, spine])
            func events(_ study: String) throws -> [ReadEvent] {
                guard let r = reads.first(where: { $0.study == study }) else { return [] }
                return try ledger.events(read: r.id).map(\.event)
            }
            func shape(_ e: [ReadEvent]) -> [String] {
                // A sign's value is the digest of what was signed: checked by verifyChain below.
                // An aiRevealed event names the pinned results shown: checked against the store below.
                e.map { $0.kind == .signed || $0.kind == .aiRevealed ? $0.kind.rawValue
                    : [$0.kind.rawValue, $0.finding, $0.value].compactMap { $0 }.joined(separator: " ") }
            }
            let pinned = Dictionary(uniqueKeysWithValues: try ledger.aiResults().map { ($0.id, SHA256.hash($0.payload)) })
            for study in [extremity, hand, spine] {
                let shown = try events(study).filter { $0.kind == .aiRevealed }.map { AIResultReference.parse($0.value ?? "") }
                #expect(!shown.isEmpty && shown.allSatisfy { refs in refs.map { !$0.isEmpty && $0.allSatisfy { pinned[$0.id] == $0.sha256 } } ?? false },
                        "\(study): every aiRevealed event names stored results by id and hash")
                #expect(Set(shown.map { $0?.map(\.id) ?? [] }).count == 1, "\(study): the resumed read is shown the same stored result")
            }
            #expect(signed.allSatisfy { !$0.aiResults.isEmpty && $0.aiResults.allSatisfy { pinned[$0] != nil } },
                    "each signed read names the stored results it was shown")
            #expect(shape(try events(extremity)) == ["opened", "aiRevealed", "accepted fracture.study \(ai[0]["fracture.study"]!)", "signed"])
            let handEvents = try events(hand)
            #expect(shape(handEvents) == ["opened", "aiRevealed", "overridden boneAge.months 140", "valueChanged boneAge.months.reason carpals",
                                          "closed", "opened", "aiRevealed", "confidence 4", "signed"])
            // Two runs of the program: the resumed half carries the second run's session id.
            #expect(Set(handEvents.prefix(5).map(\.appSession)).count == 1)
            #expect(Set(handEvents.map(\.appSession)).count == 2)
            let specs = FindingCatalog.specs(for: .spine).map(\.key)
            let accepted = specs.filter { $0 != "spine.L2-L3.canalStenosis" }.map { "accepted \($0) \(ai[2][$0]!)" }
            #expect(shape(try events(spine)) == ["opened", "aiRevealed", "overridden spine.L2-L3.canalStenosis \(mine)"] + accepted + ["signed"])
            #expect(try ledger.verifyChain().problem == nil)
        }
    }
}
