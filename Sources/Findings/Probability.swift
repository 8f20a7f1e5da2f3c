import Foundation

/// Numerically safe logistic and softmax.
enum Probability {
    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    static func softmax(_ logits: [Double]) -> [Double] {
        guard let top = logits.max() else { return [] }
        let e = logits.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    static func argmax(_ values: [Double]) -> Int {
        values.indices.max { values[$0] < values[$1] } ?? 0
    }
}
