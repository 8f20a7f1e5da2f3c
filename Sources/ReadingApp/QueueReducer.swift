/// Queue order and AI flags: sorting, and flags arriving from model runs.
enum QueueReducer {
    static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        switch action {
        case .cycleSort:
            // An experiment's order is part of its design (counterbalancing); it is not the reader's to change.
            guard !state.blinding.isExperiment else {
                return AppReducer.fail(&state, "The experiment sets the reading order; it cannot be sorted")
            }
            state.sort = state.sort.next(flagsShown: state.showsQueueFlags)
            state.message = "Sorted by \(state.sort.rawValue)"
            state.messageIsError = false
            return []
        case .aiFlagged(let studyId, let flag):
            note(flag, studyId: studyId, &state)
            return []
        default:
            return []
        }
    }

    /// Keeps a study's flag on its row, only where the arm allows queue flags.
    static func note(_ flag: AIFlag?, studyId: String, _ state: inout AppState) {
        guard state.showsQueueFlag(for: studyId), let i = state.rows.firstIndex(where: { $0.id == studyId }) else { return }
        state.rows[i].aiFlag = flag
    }

    /// After the library loads: models for every readable study whose flag may show, when asked for.
    static func prefetch(_ state: AppState) -> [AppEffect] {
        guard state.prefetchFlags, !state.viewer else { return [] }
        let studies = state.rows.compactMap { r in r.study.flatMap { state.showsQueueFlag(for: $0.id) && r.status != .signed ? $0 : nil } }
        return studies.isEmpty ? [] : [.prefetchModels(studies)]
    }
}
