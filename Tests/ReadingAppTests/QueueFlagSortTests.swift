import Common
import Findings
import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing
import Worklist

/// The queue's AI flag column and its sort orders.
@Suite struct QueueFlagSortTests {
    let severe = AIFlag(text: "sev L4-L5", score: 0.9, alert: true)
    let mild = AIFlag(text: "P 0.20", score: 0.2, alert: false)

    @Test func aiResultPutsTheFlagOnTheQueueRow() {
        var s = Fixtures.loadedState()
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        var ai = Fixtures.handAI
        ai.flag = AIFlag(text: "SDS +0.8", score: 0.2, alert: false)
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "HAND-1", ai))
        #expect(s.rows[1].aiFlag == ai.flag)
        #expect(s.queueFlag(row: 1) == ai.flag)
        #expect(s.showsQueueFlags)
    }

    /// Practice hides the AI everywhere but leaves the order to the reader (an experiment fixes it).
    @Test func unaidedReadsNeverShowOrSortByFlags() {
        var s = Fixtures.loadedState(mode: .practice)
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "HAND-1", severe))
        #expect(s.rows[1].aiFlag == nil)
        #expect(!s.showsQueueFlags)
        // Even a flag that got onto a row is not shown and cannot order the queue.
        s.rows[3].aiFlag = severe
        #expect(s.queueFlag(row: 3) == nil)
        var orders: [QueueSort] = []
        for _ in 0..<5 { _ = AppReducer.reduce(&s, .cycleSort); orders.append(s.sort) }
        #expect(orders == [.age, .kind, .status, .queue, .age], "the AI flag order is skipped")
        let header = AppView.render(s, size: Size(width: 100, height: 24), theme: try! Theme.builtin("dark")).lines[1]
        #expect(header.contains("Status") && !header.contains("AI"), "no AI column on an unaided queue: \(header)")
    }

    @Test func experimentArmsDecideFlagsPerStudyAndTheOrderIsFixed() {
        var s = Fixtures.loadedState(mode: .experiment(label: "exp s1", arms: ["EXT-1": .aided, "HAND-1": .unaided, "SPINE-1": .sequential]))
        for id in ["EXT-1", "HAND-1", "SPINE-1"] { _ = AppReducer.reduce(&s, .aiFlagged(studyId: id, severe)) }
        #expect(s.rows.map(\.aiFlag) == [severe, nil, nil, nil])
        #expect(s.showsQueueFlags)
        _ = AppReducer.reduce(&s, .cycleSort)
        #expect(s.sort == .queue)
        #expect(s.messageIsError)
    }

    @Test func sortOrdersKeepQueueOrderForTies() {
        var s = Fixtures.loadedState()   // EXT-1 (420 mo), HAND-1 (122), BAD, SPINE-1 (610, signed)
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "HAND-1", mild))
        _ = AppReducer.reduce(&s, .aiFlagged(studyId: "SPINE-1", severe))
        _ = AppReducer.reduce(&s, .moveSelection(1))
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .back)   // HAND-1 in progress
        var seen: [QueueSort: [Int]] = [:]
        for _ in 0..<5 {
            _ = AppReducer.reduce(&s, .cycleSort)
            seen[s.sort] = s.visibleRows
        }
        #expect(seen[.aiFlag] == [3, 1, 0, 2])
        #expect(seen[.age] == [1, 0, 3, 2])
        #expect(seen[.kind] == [1, 0, 3, 2])      // hand, extremity, spine, broken
        #expect(seen[.status] == [1, 0, 3, 2])    // in progress, unread, signed, broken
        #expect(seen[.queue] == [0, 1, 2, 3])
        // Moving the selection follows the shown order.
        while s.sort != .aiFlag { _ = AppReducer.reduce(&s, .cycleSort) }
        _ = AppReducer.reduce(&s, .moveSelection(-100))
        #expect(s.selected == 3)
        _ = AppReducer.reduce(&s, .moveSelection(1))
        #expect(s.selected == 1)
    }

    @Test func prefetchIsAskedOnlyWhenWantedAndOnlyForFlaggableUnsignedStudies() {
        var s = AppState(reader: "dr.a", libraryName: "Lib")
        #expect(AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: ["SPINE-1": .signed])) == [])
        s.prefetchFlags = true
        #expect(AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: ["SPINE-1": .signed]))
                == [.prefetchModels([Fixtures.wrist, Fixtures.hand])])
        var unaided = AppState(reader: "dr.a", blinding: .experiment(label: "unaided", arms: [:]), libraryName: "Lib")
        unaided.prefetchFlags = true
        #expect(AppReducer.reduce(&unaided, .libraryLoaded(Fixtures.entries, statuses: [:])) == [])
    }

    @Test func prefetchRunsModelsAndPostsFlags() {
        let flag = AIFlag(text: "P 0.90", score: 0.9, alert: true)
        let env = AppEnvironment(reader: "dr.a", store: InMemoryReadStore(), clock: ManualReadClock(), appSession: "S",
                                 renderImage: { Fixtures.rendered(generation: $0.generation) },
                                 runModels: { $0.id == "EXT-1" ? AIResult(values: [:], details: [], models: [], flag: flag) : nil },
                                 background: false)
        let inbox = ActionInbox<AppAction>()
        EffectRunner(environment: env).perform(.prefetchModels([Fixtures.wrist, Fixtures.hand]), inbox: inbox)
        #expect(inbox.drain() == [.aiFlagged(studyId: "EXT-1", flag)])
    }

    // MARK: flags from findings

    func level(_ name: String, _ stenosis: [Double]) -> SpineFinding.Level {
        SpineFinding.Level(level: name, x: 0, y: 0, xMm: nil, yMm: nil, canalStenosis: stenosis,
                           pfirrmann: [0.2, 0.2, 0.2, 0.2, 0.2], listhesis: [1, 0, 0, 0, 0])
    }

    @Test func fractureFlagIsTheStudyProbabilityAgainstTheOperatingPoint() throws {
        let images = [0.9, 0.7].map { FractureFinding.ImageResult(image: "v", logit: 0, probability: $0, cam: nil) }
        let f = StudyFindings(studyId: "X", kind: .extremity, models: [], fracture: FractureFinding(perImage: images, operatingPoint: 0.5))
        let flag = try #require(AIFlag(f))
        #expect(flag == AIFlag(text: "P 0.80", score: 0.8, alert: true))
    }

    @Test func spineFlagNamesTheWorstLevel() throws {
        let s = SpineFinding(image: "m", levels: [level("L3-L4", [0.3, 0.6, 0.1]), level("L4-L5", [0.2, 0.3, 0.5]),
                                                  level("L5-S1", [0.1, 0.8, 0.1])])
        let flag = try #require(AIFlag(StudyFindings(studyId: "S", kind: .spine, models: [], spine: s)))
        #expect(flag.text == "sev L4-L5" && flag.alert)
        #expect(abs(flag.score - 0.8) < 1e-9)
        let calm = SpineFinding(image: "m", levels: [level("L1-L2", [0.9, 0.05, 0.05]), level("L2-L3", [0.7, 0.2, 0.1])])
        let quiet = try #require(AIFlag(StudyFindings(studyId: "S", kind: .spine, models: [], spine: calm)))
        #expect(quiet.text == "P≥mod 0.30" && !quiet.alert)
    }

    @Test func boneAgeFlagIsTheSDS() throws {
        let b = BoneAgeFinding(months: 160, sigma: 6, chronologicalMonths: 120, sex: .female)
        let flag = try #require(AIFlag(StudyFindings(studyId: "H", kind: .hand, models: [], boneAge: b)))
        #expect(flag.text.hasPrefix("SDS +"))
        #expect(flag.alert == (b.category == .advanced))
        let unknown = BoneAgeFinding(months: 100, sigma: 6, chronologicalMonths: nil, sex: nil)
        #expect(AIFlag(StudyFindings(studyId: "H", kind: .hand, models: [], boneAge: unknown))
                == AIFlag(text: "BA 100mo", score: 0, alert: false))
        #expect(AIFlag(StudyFindings(studyId: "H", kind: .hand, models: [])) == nil)
    }
}
