/// `S` never signs a read with something missing without saying so. With findings
/// pending, one line names what is missing and a second `S` signs as is: pending
/// findings stay as the reader left them (never accepted for them). In an
/// experiment, whose analysis needs a confidence for every read, a missing one is
/// asked for with the confidence prompt; in clinical reading it is optional.
enum SignCheck {
    /// Effects instead of signing now (a question asked), or nil to sign.
    static func beforeSigning(_ state: inout AppState) -> [AppEffect]? {
        guard var s = state.study, !state.viewer else { return nil }
        if s.confidence == nil, state.blinding.arm(for: s.study.id) != nil {
            s.signConfirming = false
            s.signAfterConfidence = true
            state.study = s
            state.prompt = .confidence(text: "")
            state.message = "This study needs your confidence before signing"
            state.messageIsError = false
            return []
        }
        // Outside an experiment confidence is optional: it is named, but only pending findings ask.
        let missing = s.pendingCount > 0 ? missingText(s) : nil
        if s.signConfirming || missing == nil {
            state.study?.signConfirming = false
            return nil
        }
        s.signConfirming = true
        state.study = s
        state.message = "\(missing!) — S again to sign, Esc to go back"
        state.messageIsError = true
        return []
    }

    /// "2 findings pending, no confidence", or nil when nothing is missing.
    static func missingText(_ s: OpenStudy) -> String? {
        var parts: [String] = []
        let n = s.pendingCount
        if n > 0 { parts.append("\(n) finding\(n == 1 ? "" : "s") pending") }
        if s.confidence == nil { parts.append("no confidence") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Whether an action answers the confirmation by doing something else: any
    /// key but `S`; results arriving from effects leave it standing.
    static func cancelsConfirmation(_ action: AppAction) -> Bool {
        switch action {
        case .sign, .libraryLoaded, .aiFlagged, .readOpened, .resized, .imageRendered, .imageFailed,
             .aiFinished, .aiFailed, .signed, .secondPassOpened, .practiceModelFinished, .practiceScored,
             .practiceScoringFailed, .failed:
            return false
        default:
            return true
        }
    }
}
