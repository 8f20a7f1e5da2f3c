import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing

/// Golden screens of the blinding rules: an unaided read and the first read of
/// the sequential arm never render AI text, values, flags or heat maps, even
/// when a model result arrives; practice shows no reference before the sign.
/// The aided and second-read screens are the counter-checks: the same
/// assertions fail on them.
@Suite struct BlindingGoldenTests {
    let theme = try! Theme.builtin("dark")
    static let wristAI = AIResult(values: ["fracture.study": "abnormal"],
                                  details: ["fracture: abnormal, P = 0.812 (operating point 0.500)"],
                                  models: ["fracture-phantom 0.1"],
                                  heatMaps: [0: ImageOverlay(width: 2, height: 2, values: [0.9, 0.1, 0.2, 0.8], x: 0, y: 0,
                                                             rectWidth: 16, rectHeight: 16)])
    /// Text that only the AI puts on a screen.
    static let aiMarks = ["AI:", "abnormal", "P 0.87", "SDS +3.1", "!P", "!SDS", "P = ", "fracture-phantom", "heat map", "operating point", "trained on phantoms"]

    func screen(_ state: AppState, _ name: String) -> String {
        let grid = AppView.render(state, size: Size(width: 100, height: 30), theme: theme)
        let text = GridSnapshot.render(grid, theme: theme)
        if let problem = Golden.check(text, name: name) { Issue.record(Comment(rawValue: problem)) }
        return text.components(separatedBy: "\n--- styles")[0]
    }

    func experiment(arm: StudyArm) -> AppState {
        let arms = Dictionary(uniqueKeysWithValues: ["EXT-1", "HAND-1", "SPINE-1"].map { ($0, arm) })
        var s = AppState(reader: "amy", blinding: .experiment(label: "wr s1", arms: arms), libraryName: "wr session 1")
        s.prefetchFlags = true
        let loading = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: ["SPINE-1": .inProgress]))
        let prefetches = loading.contains { if case .prefetchModels = $0 { return true }; return false }
        #expect(prefetches == ArmPolicy(arm: arm).showQueueFlags, "models run for queue flags only where they may show")
        // Flags arriving from model runs (they should not run; if they did, nothing may show).
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "EXT-1", AIFlag(text: "P 0.87", score: 0.87, alert: true)))
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "HAND-1", AIFlag(text: "SDS +3.1", score: 0.78, alert: true)))
        return s
    }

    /// Opens EXT-1, renders its image, lets a model result arrive and asks for the heat map;
    /// returns whether a heat map was asked to be drawn.
    @discardableResult
    func openWrist(_ s: inout AppState) -> Bool {
        _ = AppReducer.reduce(&s, .resized(Size(width: 100, height: 30)))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 1, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "EXT-1", Fixtures.rendered(generation: s.study?.renderGeneration ?? 1)))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Self.wristAI))
        return AppReducer.reduce(&s, .toggleHeatMap).contains { effect in
            if case .renderImage(let request) = effect { return request.overlay != nil }
            return false
        }
    }

    func expectNoAI(_ text: String, _ what: String) {
        for mark in Self.aiMarks { #expect(!text.contains(mark), "\(what) shows \"\(mark)\"") }
        // No AI column in the queue either.
        for line in text.split(separator: "\n") where line.contains("Status") && line.contains("Study") {
            #expect(!line.contains("AI"), "\(what) has an AI column: \(line)")
        }
        // No AI column beside the reader's values.
        for line in text.split(separator: "\n") where line.contains("Finding ") {
            #expect(!line.contains("AI"), "\(what) has an AI column: \(line)")
        }
    }

    @Test func aidedQueueShowsTheFlags() {
        let text = screen(experiment(arm: .aided), "queue-aided-100x30")
        #expect(text.contains("P 0.87") && text.contains("SDS +3.1"), "the counter-check: an aided queue shows flags")
    }

    @Test func unaidedQueueHasNoAIFlags() {
        expectNoAI(screen(experiment(arm: .unaided), "queue-unaided-100x30"), "the unaided queue")
    }

    @Test func sequentialQueueHasNoAIFlags() {
        expectNoAI(screen(experiment(arm: .sequential), "queue-sequential-100x30"), "the sequential queue")
    }

    @Test func unaidedStudyNeverShowsTheAI() {
        var s = experiment(arm: .unaided)
        #expect(!openWrist(&s), "no heat map is drawn on an unaided read")
        expectNoAI(screen(s, "study-unaided-100x30"), "an unaided read")
    }

    @Test func sequentialFirstReadNeverShowsTheAIAndTheSecondDoes() {
        var s = experiment(arm: .sequential)
        #expect(!openWrist(&s), "no heat map is drawn on the first read")
        expectNoAI(screen(s, "study-sequential-first-100x30"), "the sequential first read")
        _ = AppReducer.reduce(&s, .override)
        _ = AppReducer.reduce(&s, .promptInput("1"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        _ = AppReducer.reduce(&s, .signed(studyId: "EXT-1"))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Self.wristAI))
        _ = AppReducer.reduce(&s, .secondPassOpened(studyId: "EXT-1", readId: 2, firstPass: s.study?.firstPass ?? [],
                                                    decisions: s.study?.firstPass ?? [], confidence: nil))
        let second = screen(s, "study-sequential-second-100x30")
        #expect(second.contains("AI: fracture-phantom 0.1") && second.contains("abnormal"), "the second read shows the AI")
        #expect(second.contains("sequential 2nd read") && second.contains("first read signed and locked"))
    }

    @Test func aidedStudyShowsTheAI() {
        var s = experiment(arm: .aided)
        #expect(openWrist(&s), "the aided read draws the heat map")
        let text = screen(s, "study-aided-100x30")
        #expect(text.contains("AI: fracture-phantom 0.1") && text.contains("P = 0.812"))
    }

    @Test func practiceShowsNoReferenceBeforeSignAndFeedbackAfter() {
        var s = AppState(reader: "tina", blinding: .practice, libraryName: "Lib")
        s.practice = PracticeState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        #expect(!openWrist(&s), "no heat map on a practice read")
        _ = AppReducer.reduce(&s, .practiceModelFinished(studyId: "EXT-1", values: ["fracture.study": "abnormal"]))
        _ = AppReducer.reduce(&s, .override)
        _ = AppReducer.reduce(&s, .promptInput("1"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        let before = screen(s, "study-practice-before-sign-100x30")
        expectNoAI(before, "a practice read before sign")
        for word in ["Reference", "reference:", "Feedback", "Scoreboard", "✓", "✗"] {
            #expect(!before.contains(word), "a practice read shows \"\(word)\" before sign")
        }
        _ = AppReducer.reduce(&s, .sign)
        _ = AppReducer.reduce(&s, .signed(studyId: "EXT-1"))
        let scoring = screen(s, "practice-scoring-100x30")
        #expect(scoring.contains("Scoring your read…") && !scoring.contains("Reference"))
        _ = AppReducer.reduce(&s, .practiceScored(studyId: "EXT-1", FindingCatalog.practiceCase(
            caseID: "EXT-1", decisions: [FindingDecision(finding: "fracture.study", aiValue: "abnormal", readerValue: "normal",
                                                         state: .overridden)],
            reference: ["fracture.study": "normal"], activeSeconds: 37.4)))
        let after = screen(s, "practice-feedback-100x30")
        #expect(after.contains("Reference") && after.contains("✓ normal") && after.contains("✗ abnormal"))
        #expect(after.contains("Scoreboard · 1 signed case") && after.contains("time this case 37 s"))
    }

    @Test func practiceFeedbackOfASpineFitsASmallTerminal() {
        var s = AppState(reader: "tina", blinding: .practice, libraryName: "Lib")
        s.practice = PracticeState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 5, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .signed(studyId: "SPINE-1"))
        let decisions = (s.study?.specs ?? []).map { spec -> FindingDecision in
            let grade: String
            switch spec.domain {
            case .choice(let options): grade = options[0]
            case .months: grade = "120"
            }
            return FindingDecision(finding: spec.key, aiValue: grade, readerValue: grade, state: .accepted)
        }
        var reference = Dictionary(uniqueKeysWithValues: decisions.map { ($0.finding, $0.readerValue ?? "") })
        reference["spine.L4-L5.canalStenosis"] = "moderate"
        _ = AppReducer.reduce(&s, .practiceScored(studyId: "SPINE-1", FindingCatalog.practiceCase(
            caseID: "SPINE-1", decisions: decisions, reference: reference, activeSeconds: 95)))
        let grid = AppView.render(s, size: Size(width: 80, height: 24), theme: theme)
        let text = GridSnapshot.render(grid, theme: theme)
        if let problem = Golden.check(text, name: "practice-feedback-spine-80x24") { Issue.record(Comment(rawValue: problem)) }
        #expect(text.contains("more, all agreeing with the reference"), "a cut list says so")
        #expect(text.contains("L4-L5 canal") && text.contains("✗ normal/mild"), "the discrepancy is kept in a cut list")
        #expect(text.contains("canalStenosis") && text.contains("agreement with the model"), "the scoreboard keeps its lines")
    }
}
