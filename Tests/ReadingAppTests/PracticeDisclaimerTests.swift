import ReadingApp
import TerminalUI
import Testing

/// QA 4f: the practice feedback shows the model's values with what the model is
/// for ("trained on phantoms — not for clinical use"), as everywhere a model speaks.
@Suite struct PracticeDisclaimerTests {
    @Test func feedbackNamesTheModelAndItsIntendedUse() {
        let header = "fracture-phantom 0.1 (fracture) — " + AIResult.disclaimer
        let ai = AIResult(values: ["fracture.study": "abnormal"], details: [header, "  fracture: abnormal, P = 0.812"],
                          models: ["fracture-phantom 0.1"])
        let app = AppDriver(state: PracticeModeTests.practiceState(), ai: ai, feedback: PracticeModeTests.source(PracticeModeTests.ReferenceLog()))
        app.key(.enter)
        app.key(.char("o")); app.keys("2"); app.key(.enter)
        app.key(.char("S"))
        #expect(app.state.practice?.stage == .showing(studyId: "EXT-1"))
        let screen = AppView.render(app.state, size: Size(width: 120, height: 30), theme: try! Theme.builtin("dark"))
            .lines.joined(separator: "\n")
        #expect(screen.contains("Model: " + header), "\(screen)")
        #expect(!screen.contains("Model:   fracture"), "only the model's own line, not its details")
    }
}
