import Common
import ReaderStudy
import ReadingApp
import Testing
import TerminalUI
import Worklist

@Suite struct AppReducerTests {
    @Test func libraryLoadSelectsFirstUnreadAndKeepsBrokenRows() {
        let s = Fixtures.loadedState()
        #expect(s.rows.map(\.id) == ["EXT-1", "HAND-1", "BAD", "SPINE-1"])
        #expect(s.rows.map(\.status) == [.unread, .unread, .unread, .signed])
        #expect(s.rows[2].isBroken)
        #expect(s.selected == 0)
        #expect(s.screen == .queue)
    }

    @Test func selectingABrokenRowShowsWhyAndItCannotOpen() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(2))
        #expect(s.message == "/lib/BAD/study.json: not valid JSON")
        #expect(s.messageIsError)
        #expect(AppReducer.reduce(&s, .openSelected) == [])
        #expect(s.screen == .queue)
    }

    @Test func openingAStudyAsksForTheReadImageAndModels() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        let effects = AppReducer.reduce(&s, .openSelected)
        let request = RenderRequest(studyId: "HAND-1", index: 0, path: "/lib/HAND-1/images/1.png", modality: "CR",
                                    canvas: Size(width: 34, height: 40), graphics: .halfblock,
                                    cellPixels: Size(width: 8, height: 16), settings: ImageViewSettings(), generation: 1)
        #expect(effects == [.openRead(Fixtures.hand), .renderImage(request), .runModels(Fixtures.hand)])
        var expected = OpenStudy(row: 1, study: Fixtures.hand, showAI: true)
        expected.ai = .running
        expected.renderGeneration = 1
        #expect(s.study == expected)
        #expect(s.screen == .study)
        #expect(s.rows[1].status == .inProgress)
    }

    @Test func unaidedArmNeverRunsModels() {
        var s = Fixtures.loadedState(mode: .experiment(label: "unaided", arms: [:]))
        let effects = AppReducer.reduce(&s, .openSelected)
        #expect(!effects.contains(.runModels(Fixtures.wrist)))
        #expect(s.study?.ai == .hidden)
        // A late model result must not leak into an unaided read.
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Fixtures.handAI))
        #expect(s.study?.ai == .hidden)
    }

    /// Opens HAND-1 with read 7 and the AI result in.
    func handOpen() -> AppState {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        return s
    }

    @Test func aiResultFillsAIValuesAndIsRecordedAsRevealed() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 7, decisions: [], confidence: nil))
        let effects = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        #expect(effects == [.record(readId: 7, kind: .aiRevealed, finding: nil, value: nil)])
        #expect(s.study?.decisions == [FindingDecision(finding: "boneAge.months", aiValue: "130")])
        #expect(s.study?.ai == .ready(Fixtures.handAI))
    }

    @Test func acceptTakesTheAIValue() {
        var s = handOpen()
        let effects = AppReducer.reduce(&s, .accept)
        let decided = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: "130", state: .accepted)]
        #expect(effects == [.record(readId: 7, kind: .accepted, finding: "boneAge.months", value: "130"),
                            .saveDraft(readId: 7, decisions: decided, confidence: nil)])
        #expect(s.study?.decisions == decided)
    }

    @Test func overrideBoneAgeByTypingYearsThenReason() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .override)
        #expect(s.prompt == .type(finding: 0, text: ""))
        for c in "11y6m" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        let effects = AppReducer.reduce(&s, .promptConfirm)
        let decided = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: "138", state: .overridden)]
        #expect(effects == [.record(readId: 7, kind: .overridden, finding: "boneAge.months", value: "138"),
                            .saveDraft(readId: 7, decisions: decided, confidence: nil)])
        #expect(s.prompt == .reason(finding: 0, text: ""))
        for c in "carpals" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        let reasonEffects = AppReducer.reduce(&s, .promptConfirm)
        var withReason = decided
        withReason[0].reason = "carpals"
        #expect(reasonEffects == [.record(readId: 7, kind: .valueChanged, finding: "boneAge.months.reason", value: "carpals"),
                                  .saveDraft(readId: 7, decisions: withReason, confidence: nil)])
        #expect(s.prompt == nil)
        #expect(s.study?.decisions == withReason)
    }

    @Test func invalidBoneAgeIsRefusedAndPromptStays() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .override)
        for c in "300" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        #expect(AppReducer.reduce(&s, .promptConfirm) == [])
        #expect(s.prompt == .type(finding: 0, text: "300"))
        #expect(s.messageIsError)
        #expect(s.study?.decisions[0].state == .pending)
    }

    @Test func overrideSpineLevelByChoosing() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .openSelected)  // EXT-1 first
        _ = AppReducer.reduce(&s, .back)
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 9, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "SPINE-1", nil))
        #expect(s.study?.ai == .noModel)
        for _ in 0..<9 { _ = AppReducer.reduce(&s, .focusNext) }  // L4-L5 canal
        #expect(s.study?.specs[s.study!.focus].key == "spine.L4-L5.canalStenosis")
        _ = AppReducer.reduce(&s, .override)
        #expect(s.prompt == .choose(finding: 9, options: ["normal/mild", "moderate", "severe"], selected: 0))
        _ = AppReducer.reduce(&s, .promptMove(1))
        _ = AppReducer.reduce(&s, .promptMove(1))
        let effects = AppReducer.reduce(&s, .promptConfirm)
        #expect(effects.first == .record(readId: 9, kind: .overridden, finding: "spine.L4-L5.canalStenosis", value: "severe"))
        // No AI value shown, so no reason is asked for.
        #expect(s.prompt == nil)
        #expect(s.study?.decisions[9].readerValue == "severe")
    }

    @Test func acceptWithoutAIValueExplains() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "EXT-1", readId: 3, decisions: [], confidence: nil))
        #expect(AppReducer.reduce(&s, .accept) == [])
        #expect(s.message == "No AI value to accept for Fracture: press o to enter yours")
    }

    @Test func signWritesThenOpensNextUnread() {
        var s = handOpen()
        _ = AppReducer.reduce(&s, .accept)
        _ = AppReducer.reduce(&s, .askConfidence)
        _ = AppReducer.reduce(&s, .promptInput("4"))
        _ = AppReducer.reduce(&s, .promptConfirm)
        let signEffects = AppReducer.reduce(&s, .sign)
        let decided = [FindingDecision(finding: "boneAge.months", aiValue: "130", readerValue: "130", state: .accepted)]
        #expect(signEffects == [.sign(readId: 7, studyId: "HAND-1", decisions: decided, confidence: 4)])
        // Nothing moves until the ledger confirms.
        #expect(s.study?.study.id == "HAND-1")
        let next = AppReducer.reduce(&s, .signed(studyId: "HAND-1"))
        #expect(s.rows[1].status == .signed)
        #expect(s.study?.study.id == "EXT-1")  // wraps past the broken and the signed row
        #expect(next.first == .openRead(Fixtures.wrist))
    }

    @Test func signingTheLastUnreadReturnsToQueue() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: ["EXT-1": .signed, "SPINE-1": .signed]))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 1, decisions: [], confidence: nil))
        _ = AppReducer.reduce(&s, .signed(studyId: "HAND-1"))
        #expect(s.screen == .queue)
        #expect(s.study == nil)
        #expect(s.message == "Signed HAND-1. Every study in the queue is signed.")
    }

    @Test func resumeRestoresDraftDecisions() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        let draft = [FindingDecision(finding: "boneAge.months", aiValue: nil, readerValue: "100", state: .overridden)]
        _ = AppReducer.reduce(&s, .readOpened(studyId: "HAND-1", readId: 5, decisions: draft, confidence: 2))
        #expect(s.study?.decisions == draft)
        #expect(s.study?.confidence == 2)
        #expect(s.message == "Resumed your draft")
        // The AI arriving later fills its value but keeps the reader's decision.
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", Fixtures.handAI))
        #expect(s.study?.decisions[0].readerValue == "100")
        #expect(s.study?.decisions[0].aiValue == "130")
    }

    @Test func backKeepsDraftAndRecordsClose() {
        var s = handOpen()
        let effects = AppReducer.reduce(&s, .back)
        #expect(effects == [.record(readId: 7, kind: .closed, finding: nil, value: nil)])
        #expect(s.screen == .queue)
        #expect(s.selected == 1)
        #expect(s.rows[1].status == .inProgress)
    }

    @Test func staleImageForAnotherStudyIsIgnored() {
        var s = handOpen()
        let before = s
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "EXT-1", Fixtures.rendered(generation: 1)))
        #expect(s == before)
        // And a late render of this study is dropped once a newer one was asked for.
        _ = AppReducer.reduce(&s, .toggleInvert)
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "HAND-1", Fixtures.rendered(generation: 1)))
        #expect(s.study?.rendered == nil)
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "HAND-1", Fixtures.rendered(generation: 2)))
        #expect(s.study?.rendered == Fixtures.rendered(generation: 2))
    }

    @Test func pauseTogglesAndIsRecorded() {
        var s = handOpen()
        #expect(AppReducer.reduce(&s, .togglePause) == [.record(readId: 7, kind: .paused, finding: nil, value: nil)])
        #expect(AppReducer.reduce(&s, .togglePause) == [.record(readId: 7, kind: .resumed, finding: nil, value: nil)])
    }

    @Test func acceptAllOnlyTouchesPendingWithAIValues() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(3))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .readOpened(studyId: "SPINE-1", readId: 2, decisions: [], confidence: nil))
        let ai = AIResult(values: ["spine.L1-L2.canalStenosis": "normal/mild", "spine.L4-L5.canalStenosis": "moderate"],
                          details: [], models: ["spine 0.1"])
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "SPINE-1", ai))
        let effects = AppReducer.reduce(&s, .acceptAll)
        #expect(effects.filter { if case .record = $0 { return true } else { return false } }.count == 2)
        #expect(s.study?.pendingCount == 13)
    }
}

@Suite struct ImageReducerTests {
    func opened() -> AppState {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .resized(Size(width: 120, height: 40)))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .imageRendered(studyId: "EXT-1", Fixtures.rendered(generation: 1)))
        return s
    }

    func lastRequest(_ effects: [AppEffect]) -> RenderRequest? {
        for e in effects { if case .renderImage(let r) = e { return r } }
        return nil
    }

    @Test func renderIsSizedForThePaneAndFollowsResize() throws {
        var s = opened()
        let first = try #require(lastRequest(AppReducer.reduce(&s, .resized(Size(width: 200, height: 60)))))
        let cells = StudyLayout.imageCells(for: Size(width: 200, height: 60))
        #expect(first.canvas == Size(width: cells.width, height: cells.height * 2))
        #expect(first.generation == 2)
    }

    @Test func windowPresetsZoomPanInvert() throws {
        var s = opened()
        var r = try #require(lastRequest(AppReducer.reduce(&s, .cycleWindow(1))))
        #expect(r.settings.preset == 1)
        r = try #require(lastRequest(AppReducer.reduce(&s, .adjustWindow(widthFactor: 0.5, levelShift: 0.1))))
        // From the rendered window (C 2000, W 4000): width halves, level moves by a tenth of the old width.
        #expect(r.settings.customWindow == WindowValues(center: 2400, width: 2000))
        r = try #require(lastRequest(AppReducer.reduce(&s, .cycleWindow(1))))
        #expect(r.settings.customWindow == nil && r.settings.preset == 2)
        // Pan does nothing until zoomed.
        #expect(AppReducer.reduce(&s, .pan(dx: 0.1, dy: 0)).isEmpty)
        r = try #require(lastRequest(AppReducer.reduce(&s, .zoom(2))))
        #expect(r.settings.zoom == 2)
        r = try #require(lastRequest(AppReducer.reduce(&s, .pan(dx: 1, dy: 1))))
        // Clamped so the view stays inside the image: at ×2 the centre can go to 0.75.
        #expect(r.settings.centerX == 0.75 && r.settings.centerY == 0.75)
        r = try #require(lastRequest(AppReducer.reduce(&s, .toggleInvert)))
        #expect(r.settings.invert)
        r = try #require(lastRequest(AppReducer.reduce(&s, .fitImage)))
        #expect(r.settings.zoom == 1 && r.settings.centerX == 0.5 && r.settings.invert)
    }

    @Test func sixelModeSizesInScreenPixels() throws {
        var s = Fixtures.loadedState()
        s.graphics = .sixel
        s.cellPixels = Size(width: 10, height: 20)
        _ = AppReducer.reduce(&s, .resized(Size(width: 120, height: 40)))
        let r = try #require(lastRequest(AppReducer.reduce(&s, .openSelected)))
        let cells = StudyLayout.imageCells(for: Size(width: 120, height: 40))
        #expect(r.canvas == Size(width: cells.width * 10, height: cells.height * 20))
        #expect(r.graphics == .sixel)
    }
}

@Suite struct HeatMapReducerTests {
    let overlay = ImageOverlay(width: 1, height: 1, values: [1], x: 0, y: 0, rectWidth: 10, rectHeight: 10)

    func request(_ effects: [AppEffect]) -> RenderRequest? {
        for e in effects { if case .renderImage(let r) = e { return r } }
        return nil
    }

    @Test func heatMapRidesOnTheRenderWhenTheAIIsShown() throws {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .openSelected)
        let ai = AIResult(values: ["fracture.study": "abnormal"], details: [], models: ["f 1"], heatMaps: [0: overlay])
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", ai))
        let r = try #require(request(AppReducer.reduce(&s, .toggleHeatMap)))
        #expect(r.overlay == overlay)
        // The second view has no map: its render carries none.
        let second = try #require(request(AppReducer.reduce(&s, .nextImage)))
        #expect(second.overlay == nil)
    }

    @Test func unaidedReadsNeverGetAHeatMap() {
        var s = Fixtures.loadedState(mode: .experiment(label: "unaided", arms: [:]))
        _ = AppReducer.reduce(&s, .openSelected)
        #expect(AppReducer.reduce(&s, .toggleHeatMap).isEmpty)
        #expect(s.study?.showHeatMap == false)
    }
}

@Suite struct QueueFilterTests {
    @Test func kindAndStatusFiltersNarrowTheQueueAndKeepTheSelectionVisible() {
        var s = Fixtures.loadedState()   // EXT-1, HAND-1, BAD (broken), SPINE-1 (signed)
        _ = AppReducer.reduce(&s, .cycleKindFilter)   // hand
        #expect(s.filter.kind == .hand)
        #expect(s.visibleRows == [1])
        #expect(s.selected == 1)
        _ = AppReducer.reduce(&s, .cycleKindFilter)   // extremity
        _ = AppReducer.reduce(&s, .cycleKindFilter)   // spine
        _ = AppReducer.reduce(&s, .cycleKindFilter)   // all again
        #expect(s.filter.kind == nil && s.visibleRows == [0, 1, 2, 3])
        _ = AppReducer.reduce(&s, .cycleStatusFilter) // unread: broken rows hide
        #expect(s.visibleRows == [0, 1])
        _ = AppReducer.reduce(&s, .moveSelection(5))
        #expect(s.selected == 1)
    }

    @Test func searchNarrowsWhileTypingEscClears() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .search)
        for c in "spi" { _ = AppReducer.reduce(&s, .promptInput(c)) }
        #expect(s.visibleRows == [3])
        #expect(s.selected == 3)
        _ = AppReducer.reduce(&s, .promptConfirm)
        #expect(s.prompt == nil && s.filter.text == "spi")
        _ = AppReducer.reduce(&s, .search)
        _ = AppReducer.reduce(&s, .promptCancel)
        #expect(s.filter.text == "" && s.visibleRows.count == 4)
    }

    @Test func nextUnreadOpensTheFirstUnread() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(3))
        let effects = AppReducer.reduce(&s, .openNextUnread)
        #expect(effects.first == .openRead(Fixtures.wrist))
        #expect(s.study?.study.id == "EXT-1")
    }
}
