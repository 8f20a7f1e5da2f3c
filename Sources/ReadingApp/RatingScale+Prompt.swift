import ReaderStudy

/// The confidence prompt under each rating scale.
extension RatingScale {
    var confidenceRange: ClosedRange<Int> {
        switch self {
        case .callWithConfidence: 1...5
        case .percent: 0...100
        }
    }

    var maxDigits: Int { String(confidenceRange.upperBound).count }

    /// The prompt's hint line.
    var confidenceHint: String {
        switch self {
        case .callWithConfidence: "1 (low) … 5 (high); Enter, Esc"
        case .percent: "0 (surely absent) … 100 (surely present); Enter, Esc"
        }
    }

    var invalidConfidenceMessage: String {
        switch self {
        case .callWithConfidence: "Confidence is a number from 1 (low) to 5 (high)"
        case .percent: "Confidence is a whole number from 0 to 100"
        }
    }
}
