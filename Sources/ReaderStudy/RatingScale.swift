/// Turns what a reader entered into the ordinal "how sure is it present"
/// rating an ROC analysis needs.
public enum RatingScale: String, Sendable, Codable, CaseIterable {
    /// A present/absent call with confidence 1–5 in that call. Folded onto one
    /// 10-level scale: absent with confidence 5 → 1 … absent 1 → 5, present 1 → 6 …
    /// present 5 → 10, so that "sure it is absent" ranks lowest.
    case callWithConfidence = "1-5"
    /// A 0–100 probability-of-presence rating, used as it is.
    case percent = "0-100"

    public func rating(present: Bool, confidence: Int) throws(ReaderStudyError) -> Double {
        switch self {
        case .callWithConfidence:
            guard (1...5).contains(confidence) else {
                throw .invalidInput(field: "confidence", problem: "must be 1 to 5 (got \(confidence))")
            }
            return Double(present ? 5 + confidence : 6 - confidence)
        case .percent:
            guard (0...100).contains(confidence) else {
                throw .invalidInput(field: "confidence", problem: "must be 0 to 100 (got \(confidence))")
            }
            return Double(confidence)
        }
    }
}
