/// Sensitivity (true positives / truth-positive cases) and specificity (true negatives /
/// truth-negative cases) of binary calls, each with a Wilson interval (`Proportion`).
public struct SensitivitySpecificity: Sendable, Equatable {
    public let sensitivity: Proportion
    public let specificity: Proportion

    public init(truth: [Bool], called: [Bool], level: Double = 0.95) {
        precondition(truth.count == called.count, "one call per case")
        let tp = zip(truth, called).filter { $0.0 && $0.1 }.count
        let positives = truth.filter { $0 }.count
        let tn = zip(truth, called).filter { !$0.0 && !$0.1 }.count
        let negatives = truth.count - positives
        sensitivity = Proportion(successes: tp, trials: positives, level: level)
        specificity = Proportion(successes: tn, trials: negatives, level: level)
    }

    /// Calls from scores at a threshold: positive when score ≥ threshold.
    public init(truth: [Bool], scores: [Double], threshold: Double, level: Double = 0.95) {
        self.init(truth: truth, called: scores.map { $0 >= threshold }, level: level)
    }
}
