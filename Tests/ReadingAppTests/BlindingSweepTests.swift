import Common
import Ledger
import ReaderStudy
import ReadingApp
import TerminalUI
import TestSupport
import Testing
import Worklist

/// Issue 16 item 2, tested as an attacker would: a model result, queue flags and
/// the model's practice values all reach the reducer, then every key and every
/// pair of keys is pressed on every study under the unaided arm, the first
/// sequential pass and practice before sign. After each step the rendered cell
/// grid must hold no AI value, probability, grade, level marker, model name or
/// heat-map caption, and no effect may draw a heat map, run the models or record
/// that the AI was shown. The aided arm and clinical reading are the
/// counter-checks: the same detector finds the AI there.
@Suite struct BlindingSweepTests {
    static let theme = try! Theme.builtin("dark")
    static let size = Size(width: 100, height: 30)
    static let studies = ["EXT-1", "HAND-1", "SPINE-1"]

    /// Every finding of every kind gets the value "ZQV"; everything else the AI says carries "ZQ".
    static let sentinelAI: AIResult = {
        var values: [String: String] = [:]
        for kind in [StudyKind.extremity, .hand, .spine] {
            for spec in FindingCatalog.specs(for: kind) { values[spec.key] = "ZQV" }
        }
        let overlay = ImageOverlay(width: 2, height: 2, values: [0.9, 0.1, 0.2, 0.8], x: 0, y: 0, rectWidth: 16, rectHeight: 16)
        var ai = AIResult(values: values, details: ["ZQD: P = 0.8137 (operating point 0.5)", "  ZQD grade moderate"],
                          models: ["zq-model 9.9.9"], heatMaps: [0: overlay, 1: overlay],
                          flag: AIFlag(text: "ZQF 0.99", score: 0.99, alert: true))
        ai.markers = [0: [ImageMarker(label: "ZQM", x: 8, y: 8)], 1: [ImageMarker(label: "ZQM", x: 8, y: 4)]]
        ai.pinned = [AIResultReference(id: 7, sha256: String(repeating: "a", count: 64))]
        return ai
    }()

    /// Text only the AI puts on a screen (the help's key list names "heat map"; the image title's caption is the AI's).
    static let forbidden = ["ZQ", "zq-model", "P = ", "9.9.9", "trained on phantoms", "· heat map", "AI:", "◂"]

    /// Every bound key, the digits and prompt keys: what a reader can press.
    static let keys: [Key] = {
        var keys: [Key] = []
        for b in KeyBindings.catalog { for k in b.defaults where !keys.contains(k) { keys.append(k) } }
        for extra: Key in [.char("1"), .char("2"), .char("3"), .char("9"), .enter, .escape, .backspace, .char("y"), .char("x")]
            where !keys.contains(extra) { keys.append(extra) }
        return keys
    }()

    enum Scenario: String, CaseIterable {
        case unaided, sequentialFirst, practice, aided, clinical

        var hidesAI: Bool { self == .unaided || self == .sequentialFirst || self == .practice }

        func state() -> AppState {
            var s: AppState
            switch self {
            case .unaided, .sequentialFirst, .aided:
                let arm: StudyArm = self == .unaided ? .unaided : (self == .aided ? .aided : .sequential)
                let arms = Dictionary(uniqueKeysWithValues: BlindingSweepTests.studies.map { ($0, arm) })
                s = AppState(reader: "amy", blinding: .experiment(label: "wr s1", arms: arms), libraryName: "wr session 1")
            case .practice:
                s = AppState(reader: "tina", blinding: .practice, libraryName: "Lib")
                s.practice = PracticeState()
            case .clinical:
                s = AppState(reader: "dr.a", blinding: .clinical, libraryName: "Lib")
            }
            s.prefetchFlags = true
            return s
        }
    }

    /// A study opened under `scenario` with everything the AI has already arrived.
    static func opened(_ scenario: Scenario, study: String) -> (AppState, [AppEffect]) {
        var s = scenario.state()
        var effects = AppReducer.reduce(&s, .libraryLoaded(Fixtures.entries, statuses: [:]))
        effects += AppReducer.reduce(&s, .resized(size))
        for id in studies { effects += AppReducer.reduce(&s, .aiFlagged(studyId: id, sentinelAI.flag)) }
        let row = s.rows.firstIndex { $0.id == study }!
        effects += AppReducer.reduce(&s, .moveSelection(row - s.selected))
        effects += AppReducer.reduce(&s, .openSelected)
        effects += AppReducer.reduce(&s, .readOpened(studyId: study, readId: 1, decisions: [], confidence: nil))
        effects += AppReducer.reduce(&s, .imageRendered(studyId: study, Fixtures.rendered(generation: s.study?.renderGeneration ?? 1)))
        effects += AppReducer.reduce(&s, .aiFinished(studyId: study, sentinelAI))
        effects += AppReducer.reduce(&s, .practiceModelFinished(studyId: study, values: sentinelAI.values))
        effects += AppReducer.reduce(&s, .aiFlagged(studyId: study, sentinelAI.flag))
        return (s, effects)
    }

    /// What an unblinded screen or effect showed, or nil.
    static func leak(_ state: AppState, _ effects: [AppEffect]) -> String? {
        let text = AppView.render(state, size: size, theme: theme).lines.joined(separator: "\n")
        for mark in forbidden where text.contains(mark) { return "the screen shows \"\(mark)\"" }
        for line in text.split(separator: "\n") where (line.contains("Finding ") || line.contains("Status")) && line.contains(" AI ") {
            return "an AI column: \(line)"
        }
        for effect in effects {
            switch effect {
            case .renderImage(let request) where request.overlay != nil: return "a heat map is drawn"
            case .runModels: return "the models run for the screen"
            case .prefetchModels: return "the models run for queue flags"
            case .record(_, .aiRevealed, _, _): return "the ledger records the AI as shown"
            case .sign(_, _, _, _, let shown) where !shown.isEmpty: return "the read is signed as having seen the AI"
            default: continue
            }
        }
        return nil
    }

    static func press(_ key: Key, _ state: inout AppState) -> [AppEffect] {
        guard let action = KeyMap.action(for: .key(key), in: state) else { return [] }
        return AppReducer.reduce(&state, action)
    }

    @Test(arguments: [Scenario.unaided, .sequentialFirst, .practice])
    func noKeyUnblindsAReader(_ scenario: Scenario) {
        var steps = 0, failures = 0
        /// Presses every key from `state`, then (below `depth`) every key again from each result.
        func sweep(_ state: AppState, pressed: [Key], depth: Int, study: String) {
            for key in Self.keys {
                var next = state
                let effects = Self.press(key, &next)
                steps += 1
                if let leak = Self.leak(next, effects) {
                    failures += 1
                    if failures <= 5 { Issue.record("\(scenario) \(study), keys \(pressed + [key]): \(leak)") }
                    continue
                }
                if depth > 1 { sweep(next, pressed: pressed + [key], depth: depth - 1, study: study) }
            }
        }
        for study in Self.studies {
            let (base, opening) = Self.opened(scenario, study: study)
            if let leak = Self.leak(base, opening) {
                Issue.record("\(scenario) \(study), on opening: \(leak)"); continue
            }
            sweep(base, pressed: [], depth: 2, study: study)
        }
        #expect(steps >= 3 * Self.keys.count * (Self.keys.count + 1), "every pair of keys was pressed on every study")
    }

    /// The counter-check: where the AI may show, the same detector finds it, so a
    /// sweep that passes is not a sweep that cannot see.
    @Test(arguments: [Scenario.aided, .clinical])
    func theDetectorSeesTheAIWhereItMayShow(_ scenario: Scenario) {
        for study in Self.studies {
            var (s, effects) = Self.opened(scenario, study: study)
            #expect(Self.leak(s, effects) != nil, "\(scenario) \(study): the AI is on screen")
            effects = Self.press(.char("h"), &s)
            if study != "SPINE-1" { #expect(Self.leak(s, effects) != nil, "\(scenario) \(study): h draws the heat map") }
        }
        var (s, _) = Self.opened(scenario, study: "EXT-1")
        _ = AppReducer.reduce(&s, .back)
        #expect(Self.leak(s, []) != nil, "\(scenario): the queue shows the AI flags")
    }

    /// The sequential arm's second read is where the AI appears: after the first sign.
    @Test func theSecondSequentialReadShowsTheAI() {
        var (s, _) = Self.opened(.sequentialFirst, study: "EXT-1")
        _ = AppReducer.reduce(&s, .signed(studyId: "EXT-1"))
        _ = AppReducer.reduce(&s, .aiFinished(studyId: "EXT-1", Self.sentinelAI))
        #expect(Self.leak(s, []) != nil)
    }
}
