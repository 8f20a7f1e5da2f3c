import ReadingApp
import TerminalUI
import Testing

/// Issue #6 "level markers on spine": each level centre is marked beside the image,
/// `m` hides them, and they never show when the arm hides the AI.
@Suite struct LevelMarkerTests {
    func spineOpen(showAI: Bool = true) -> AppState {
        var s = AppState(reader: "dr.a", blinding: showAI ? .clinical : .experiment(label: "clinical", arms: [:]), libraryName: "Lib")
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        _ = AppReducer.reduce(&s, .resized(Size(width: 80, height: 24)))
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 5, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "SPINE-1", Fixtures.spineAI))
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "SPINE-1", Fixtures.rendered(generation: s.study!.renderGeneration)))
        return s
    }

    func lines(_ s: AppState) -> [String] {
        AppView.render(s, size: Size(width: 80, height: 24), theme: try! Theme.builtin("dark")).lines
    }

    @Test func everyLevelIsMarkedTopToBottomAndMToggles() {
        var s = spineOpen()
        #expect(s.study?.study.id == "SPINE-1")
        let rows = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"].map { level in lines(s).firstIndex { $0.contains("◂" + level) } }
        #expect(rows.allSatisfy { $0 != nil }, "\(rows)")
        let found = rows.compactMap { $0 }
        #expect(found == found.sorted() && Set(found).count == 5, "levels top to bottom on their own rows: \(found)")
        _ = AppReducer.reduce(&s, .toggleMarkers)
        #expect(!lines(s).joined().contains("◂L"))
        #expect(s.message == "Level markers hidden (m shows them)")
        _ = AppReducer.reduce(&s, .toggleMarkers)
        #expect(lines(s).joined().contains("◂L4-L5"))
    }

    @Test func zoomedOutOfViewLevelsAreNotMarked() {
        var s = spineOpen()
        var r = Fixtures.rendered(generation: s.study!.renderGeneration)
        r.sourceY = 0
        r.sourceHeight = 6   // only the top rows of the image in view
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "SPINE-1", r))
        let text = lines(s).joined()
        #expect(text.contains("◂L1-L2") && text.contains("◂L2-L3") && !text.contains("◂L3-L4"))
    }

    @Test func hiddenAIMeansNoMarkers() {
        let s = spineOpen(showAI: false)
        #expect(s.study?.ai == .hidden)
        #expect(!lines(s).joined().contains("◂L"))
    }
}
