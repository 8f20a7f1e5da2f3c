import ReaderStudy

/// Keys while a prompt is open.
enum PromptReducer {
    static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        guard let prompt = state.prompt else { return [] }
        if action == .promptCancel {
            if case .search = prompt {
                state.filter.text = ""
                QueueSelection.keepVisible(&state)
            }
            state.prompt = nil
            if case .confidence = prompt, state.study?.signAfterConfidence == true {
                state.study?.signAfterConfidence = false
                state.message = "Not signed: this study needs your confidence (c)"
                state.messageIsError = true
            }
            return []
        }
        switch prompt {
        case .choose(let f, let options, let selected):
            switch action {
            case .promptMove(let d):
                state.prompt = .choose(finding: f, options: options, selected: min(max(0, selected + d), options.count - 1))
            case .promptInput(let c):
                // Digits pick an option directly (1 = first).
                if let n = c.wholeNumberValue, n >= 1, n <= options.count {
                    state.prompt = .choose(finding: f, options: options, selected: n - 1)
                }
            case .promptConfirm:
                return decide(&state, finding: f, value: options[selected])
            default: break
            }
        case .type(let f, let text):
            switch action {
            case .promptInput(let c): if text.count < 12 { state.prompt = .type(finding: f, text: text + String(c)) }
            case .promptBackspace: state.prompt = .type(finding: f, text: String(text.dropLast()))
            case .promptConfirm:
                guard let s = state.study, let value = s.specs[f].normalise(text) else {
                    state.message = "Bone age: 0–240 months, as 126 or 10y6m"
                    state.messageIsError = true
                    return []
                }
                return decide(&state, finding: f, value: value)
            default: break
            }
        case .reason(let f, let text):
            switch action {
            case .promptInput(let c): if text.count < 200 { state.prompt = .reason(finding: f, text: text + String(c)) }
            case .promptBackspace: state.prompt = .reason(finding: f, text: String(text.dropLast()))
            case .promptConfirm:
                state.prompt = nil
                guard var s = state.study, let readId = s.readId else { return [] }
                let reason = text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return [] }
                s.decisions[f].reason = reason
                state.study = s
                return [.record(readId: readId, kind: .valueChanged, finding: s.decisions[f].finding + ".reason", value: reason),
                        .saveDraft(readId: readId, decisions: s.decisions, confidence: s.confidence)]
            default: break
            }
        case .search(let text):
            switch action {
            case .promptInput(let c): if text.count < 40 { state.prompt = .search(text: text + String(c)) }
            case .promptBackspace: state.prompt = .search(text: String(text.dropLast()))
            case .promptConfirm:
                state.prompt = nil
                state.filter.text = text
                QueueSelection.keepVisible(&state)
            default: break
            }
            // The queue narrows while typing.
            if case .search(let t)? = state.prompt { state.filter.text = t; QueueSelection.keepVisible(&state) }
        case .confidence(let text):
            switch action {
            case .promptInput(let c):
                if c.isASCII, c.isNumber, text.count < state.ratingScale.maxDigits { state.prompt = .confidence(text: text + String(c)) }
            case .promptBackspace: state.prompt = .confidence(text: String(text.dropLast()))
            case .promptConfirm:
                let scale = state.ratingScale
                guard let n = Int(text), scale.confidenceRange.contains(n), var s = state.study, let readId = s.readId else {
                    state.message = scale.invalidConfidenceMessage
                    state.messageIsError = true
                    return []
                }
                s.confidence = n
                let goOnSigning = s.signAfterConfidence
                s.signAfterConfidence = false
                state.study = s
                state.prompt = nil
                state.message = "Confidence \(n) of \(scale.confidenceRange.upperBound)"
                state.messageIsError = false
                let effects: [AppEffect] = [.record(readId: readId, kind: .confidence, finding: nil, value: String(n)),
                                            .saveDraft(readId: readId, decisions: s.decisions, confidence: n)]
                // The reader pressed S: with the confidence given, signing goes on (or asks about pending findings).
                return goOnSigning ? effects + AppReducer.reduce(&state, .sign) : effects
            default: break
            }
        }
        return []
    }

    /// Records the reader's value: accepted when it equals the AI's, overridden otherwise.
    private static func decide(_ state: inout AppState, finding f: Int, value: String) -> [AppEffect] {
        guard var s = state.study, let readId = s.readId else { state.prompt = nil; return [] }
        let ai = s.decisions[f].aiValue
        s.decisions[f].readerValue = value
        let agrees = ai == value
        s.decisions[f].state = agrees ? .accepted : .overridden
        state.study = s
        state.message = nil
        let key = s.decisions[f].finding
        // An override of a shown AI value may carry a reason; typing one is optional.
        state.prompt = (!agrees && ai != nil) ? .reason(finding: f, text: "") : nil
        return [.record(readId: readId, kind: agrees ? .accepted : .overridden, finding: key, value: value),
                .saveDraft(readId: readId, decisions: s.decisions, confidence: s.confidence)]
    }
}

import Foundation
