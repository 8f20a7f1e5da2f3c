/// Lines of the findings panel that say which read this is.
extension StudyView {
    /// Why no AI is shown while it is hidden.
    static func hiddenAINote(_ state: AppState, _ s: OpenStudy) -> String {
        if state.practice != nil { return "Practice: your own read. The model and the reference follow your sign." }
        if state.blinding.readsTwice(s.study.id) { return "Sequential, first read: no AI until you sign." }
        return "Unaided read: no AI in this arm."
    }

    /// The sequential arm's second read: the first is signed and kept as it was.
    static func passNote(_ s: OpenStudy) -> String? {
        s.pass == .second ? "Second read: first read signed and locked; AI shown." : nil
    }
}
