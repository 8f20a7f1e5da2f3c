import Common
import ReaderStudy
import TerminalUI
import Worklist

/// The only code that changes `AppState`. Pure: it returns effects instead of
/// doing I/O, so tests can assert whole states and effect lists.
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        if state.study?.signConfirming == true, SignCheck.cancelsConfirmation(action) {
            state.study?.signConfirming = false
            state.message = nil
            state.messageIsError = false
            // Esc answers the question "sign anyway?": it stays on the study.
            if action == .back {
                state.message = "Not signed"
                return []
            }
        }
        switch action {
        case .libraryLoaded(let entries, let statuses):
            state.rows = entries.map { e in
                let id: String
                if case .study(let s) = e { id = s.id } else { id = e.folderName }
                return QueueRow(entry: e, status: statuses[id] ?? .unread)
            }
            state.selected = state.rows.firstIndex { !$0.isBroken && $0.status != .signed } ?? 0
            return QueueReducer.prefetch(state)

        case .cycleSort, .aiFlagged:
            return QueueReducer.reduce(&state, action)

        case .moveSelection(let delta):
            let visible = state.visibleRows
            guard !visible.isEmpty else { return [] }
            let at = visible.firstIndex(of: state.selected) ?? 0
            state.selected = visible[min(max(0, at + delta), visible.count - 1)]
            state.message = state.rows[state.selected].brokenMessage
            state.messageIsError = state.message != nil
            return []

        case .openSelected:
            guard state.visibleRows.contains(state.selected) else { return [] }
            return open(row: state.selected, &state)

        case .search:
            state.prompt = .search(text: state.filter.text)
            return []

        case .cycleKindFilter:
            let kinds: [StudyKind?] = [nil] + StudyKind.allCases
            state.filter.kind = kinds[((kinds.firstIndex(of: state.filter.kind) ?? 0) + 1) % kinds.count]
            QueueSelection.keepVisible(&state)
            return []

        case .cycleStatusFilter:
            let statuses: [QueueStatus?] = [nil, .unread, .inProgress, .signed]
            state.filter.status = statuses[((statuses.firstIndex(of: state.filter.status) ?? 0) + 1) % statuses.count]
            QueueSelection.keepVisible(&state)
            return []

        case .openNextUnread:
            guard let next = state.rows.indices.first(where: { !state.rows[$0].isBroken && state.rows[$0].status == .unread }) else {
                return fail(&state, "No unread study left in the queue")
            }
            return open(row: next, &state)

        case .readOpened(let studyId, let readId, let saved, let confidence):
            guard var s = state.study, s.study.id == studyId else { return [] }
            s.readId = readId
            // A resumed draft brings back earlier decisions; AI values come from the model run.
            for d in saved {
                if let i = s.decisions.firstIndex(where: { $0.finding == d.finding }) {
                    let ai = s.decisions[i].aiValue
                    s.decisions[i] = d
                    s.decisions[i].aiValue = ai ?? d.aiValue
                }
            }
            s.confidence = confidence
            state.study = s
            if !saved.isEmpty {
                state.message = "Resumed your draft"
                state.messageIsError = false
            }
            var effects: [AppEffect] = []
            if case .ready(let ai) = s.ai { effects.append(.record(readId: readId, kind: .aiRevealed, finding: nil, value: ai.eventValue)) }
            return effects

        case .resized(let size):
            state.terminalSize = size
            return state.study == nil ? [] : ImageReducer.render(&state)

        case .imageRendered(let studyId, let rendered):
            guard var s = state.study, s.study.id == studyId, rendered.generation == s.renderGeneration else { return [] }
            s.rendered = rendered
            s.imageError = nil
            state.study = s
            return []

        case .imageFailed(let studyId, let generation, let message):
            guard var s = state.study, s.study.id == studyId, generation == s.renderGeneration else { return [] }
            s.imageError = message
            s.rendered = nil
            state.study = s
            return []

        case .cycleWindow, .adjustWindow, .zoom, .pan, .fitImage, .toggleInvert, .toggleHeatMap:
            return ImageReducer.reduce(&state, action)

        case .toggleMarkers:
            guard var s = state.study else { return [] }
            s.showMarkers.toggle()
            state.study = s
            guard state.mayShow(.aiFindings, study: s.study.id), case .ready(let ai) = s.ai, !(ai.markers[s.imageIndex] ?? []).isEmpty else {
                return fail(&state, "No AI markers on this image (spine studies mark their levels)")
            }
            state.message = s.showMarkers ? "Level markers shown" : "Level markers hidden (m shows them)"
            state.messageIsError = false
            return []

        case .aiFinished(let studyId, let result):
            guard var s = state.study, s.study.id == studyId, s.ai != .hidden, state.mayShow(.aiFindings, study: studyId) else { return [] }
            guard let result else {
                s.ai = .noModel
                state.study = s
                return []
            }
            s.ai = .ready(result)
            QueueReducer.note(result.flag, studyId: studyId, &state)
            for i in s.decisions.indices { s.decisions[i].aiValue = result.values[s.decisions[i].finding] }
            state.study = s
            // A heat map asked for before the AI finished appears now.
            let render = s.showHeatMap ? ImageReducer.render(&state) : []
            if let readId = s.readId { return [.record(readId: readId, kind: .aiRevealed, finding: nil, value: result.eventValue)] + render }
            return render

        case .aiFailed(let studyId, let message):
            guard var s = state.study, s.study.id == studyId, s.ai != .hidden, state.mayShow(.aiFindings, study: studyId) else { return [] }
            s.ai = .failed(message)
            state.study = s
            return []

        case .focusNext, .focusPrevious:
            guard var s = state.study, !s.decisions.isEmpty else { return [] }
            let n = s.decisions.count
            s.focus = (s.focus + (action == .focusNext ? 1 : n - 1)) % n
            state.study = s
            return []

        case .accept:
            guard var s = state.study, let readId = s.readId else { return notReady(&state) }
            guard let ai = s.decisions[s.focus].aiValue else {
                return fail(&state, "No AI value to accept for \(s.specs[s.focus].label): press o to enter yours")
            }
            s.decisions[s.focus].readerValue = ai
            s.decisions[s.focus].state = .accepted
            s.decisions[s.focus].reason = nil
            let key = s.decisions[s.focus].finding
            if s.focus < s.decisions.count - 1 { s.focus += 1 }
            state.study = s
            state.message = nil
            return [.record(readId: readId, kind: .accepted, finding: key, value: ai),
                    .saveDraft(readId: readId, decisions: s.decisions, confidence: s.confidence)]

        case .acceptAll:
            guard var s = state.study, let readId = s.readId else { return notReady(&state) }
            var effects: [AppEffect] = []
            for i in s.decisions.indices where s.decisions[i].state == .pending {
                guard let ai = s.decisions[i].aiValue else { continue }
                s.decisions[i].readerValue = ai
                s.decisions[i].state = .accepted
                effects.append(.record(readId: readId, kind: .accepted, finding: s.decisions[i].finding, value: ai))
            }
            if effects.isEmpty { return fail(&state, "Nothing pending with an AI value to accept") }
            state.study = s
            state.message = "Accepted \(effects.count) finding\(effects.count == 1 ? "" : "s")"
            state.messageIsError = false
            return effects + [.saveDraft(readId: readId, decisions: s.decisions, confidence: s.confidence)]

        case .override:
            guard let s = state.study, s.readId != nil else { return notReady(&state) }
            let spec = s.specs[s.focus]
            switch spec.domain {
            case .choice(let options):
                let current = s.decisions[s.focus].readerValue ?? s.decisions[s.focus].aiValue
                state.prompt = .choose(finding: s.focus, options: options,
                                       selected: current.flatMap { options.firstIndex(of: $0) } ?? 0)
            case .months:
                state.prompt = .type(finding: s.focus, text: "")
            }
            return []

        case .askConfidence:
            guard state.study?.readId != nil else { return notReady(&state) }
            state.prompt = .confidence(text: "")
            return []

        case .showImage(let index):
            guard var s = state.study, index >= 0, index < s.study.images.count, index != s.imageIndex else { return [] }
            s.imageIndex = index
            s.rendered = nil
            s.imageError = nil
            // A new view starts fitted; the window preset carries over.
            let preset = s.view.preset
            s.view = ImageViewSettings()
            s.view.preset = preset
            state.study = s
            return ImageReducer.render(&state)

        case .nextImage, .previousImage:
            guard let s = state.study, !s.study.images.isEmpty else { return [] }
            let n = s.study.images.count
            return reduce(&state, .showImage((s.imageIndex + (action == .nextImage ? 1 : n - 1)) % n))

        case .togglePause:
            guard var s = state.study, let readId = s.readId else { return notReady(&state) }
            s.paused.toggle()
            state.study = s
            state.message = s.paused ? "Paused — reading time stopped; p resumes" : "Resumed"
            state.messageIsError = false
            return [.record(readId: readId, kind: s.paused ? .paused : .resumed, finding: nil, value: nil)]

        case .sign:
            guard state.study?.readId != nil else { return notReady(&state) }
            if let effects = SignCheck.beforeSigning(&state) { return effects }
            if let effects = PracticeFlow.sign(&state) { return effects }
            guard let s = state.study, let readId = s.readId else { return notReady(&state) }
            state.message = "Signing…"
            state.messageIsError = false
            return [.sign(readId: readId, studyId: s.study.id, decisions: s.decisions, confidence: s.confidence,
                          aiResults: s.shownAIResults)]

        case .signed(let studyId):
            if let effects = SequentialPass.afterSign(&state, studyId: studyId) { return effects }
            if let effects = PracticeFlow.afterSign(&state, studyId: studyId) { return effects }
            if let i = state.rows.firstIndex(where: { $0.id == studyId }) { state.rows[i].status = .signed }
            let from = state.study?.row ?? state.selected
            state.study = nil
            state.prompt = nil
            let n = state.rows.count
            if let next = (1...max(1, n)).lazy.map({ (from + $0) % max(1, n) })
                .first(where: { !state.rows[$0].isBroken && state.rows[$0].status != .signed }) {
                var effects = open(row: next, &state)
                state.message = "Signed \(studyId); opened the next unread study"
                state.messageIsError = false
                effects.insert(contentsOf: [], at: 0)
                return effects
            }
            state.screen = .queue
            state.message = "Signed \(studyId). Every study in the queue is signed."
            state.messageIsError = false
            return []

        case .secondPassOpened(let studyId, let readId, let firstPass, let decisions, let confidence):
            return SequentialPass.opened(&state, studyId: studyId, readId: readId, firstPass: firstPass,
                                         decisions: decisions, confidence: confidence)

        case .practiceModelFinished(let studyId, let values, let models):
            state.practice?.modelNotes[studyId] = models
            return PracticeFlow.modelFinished(&state, studyId: studyId, values: values)

        case .practiceScored(let studyId, let practiceCase):
            return PracticeFlow.scored(&state, studyId: studyId, practiceCase)

        case .practiceScoringFailed(let studyId, let message):
            return PracticeFlow.scoringFailed(&state, studyId: studyId, message)

        case .continuePractice:
            return PracticeFlow.proceed(&state)

        case .back:
            guard let s = state.study else { return [] }
            state.study = nil
            state.prompt = nil
            state.screen = .queue
            state.selected = s.row
            state.message = s.readId == nil ? nil : "Draft kept: \(s.study.id) is in progress"
            state.messageIsError = false
            guard let readId = s.readId else { return [] }
            return [.record(readId: readId, kind: .closed, finding: nil, value: nil)]

        case .promptInput, .promptBackspace, .promptMove, .promptConfirm, .promptCancel:
            return PromptReducer.reduce(&state, action)

        case .toggleHelp:
            state.showHelp.toggle()
            return []

        case .failed(let message):
            return fail(&state, message)

        case .quit:
            state.finished = true
            if let s = state.study, let readId = s.readId {
                return [.record(readId: readId, kind: .closed, finding: nil, value: nil)]
            }
            return []
        }
    }

    static func open(row: Int, _ state: inout AppState) -> [AppEffect] {
        guard row >= 0, row < state.rows.count else { return [] }
        guard let study = state.rows[row].study else {
            return fail(&state, state.rows[row].brokenMessage ?? "This study cannot be opened")
        }
        // Reopening would add events to a read the analysis already counts.
        if state.rows[row].status == .signed, state.blinding.arm(for: study.id) != nil {
            return fail(&state, "\(study.id) is signed; an experiment's signed reads are locked")
        }
        state.selected = row
        state.screen = .study
        state.showHelp = false
        state.prompt = nil
        state.message = nil
        let showAI = state.showsAI(for: study.id)
        state.study = OpenStudy(row: row, study: study, showAI: showAI)
        if state.rows[row].status == .unread { state.rows[row].status = .inProgress }
        if state.viewer { return ImageReducer.render(&state) }
        var effects: [AppEffect] = [.openRead(study)]
        effects += ImageReducer.render(&state)
        if showAI { effects.append(.runModels(study)) }
        return effects + PracticeFlow.opened(state, study: study)
    }

    static func fail(_ state: inout AppState, _ message: String) -> [AppEffect] {
        state.message = message
        state.messageIsError = true
        return []
    }

    private static func notReady(_ state: inout AppState) -> [AppEffect] {
        state.study == nil ? [] : fail(&state, "The read is still opening in the ledger; try again")
    }
}
