/// Keeps the queue's selection on a row the filter shows.
enum QueueSelection {
    static func keepVisible(_ state: inout AppState) {
        let visible = state.visibleRows
        guard !visible.isEmpty, !visible.contains(state.selected) else { return }
        state.selected = visible.first { $0 > state.selected } ?? visible[0]
    }
}
