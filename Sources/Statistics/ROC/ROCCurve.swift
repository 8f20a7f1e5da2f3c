/// The empirical ROC curve: one operating point per distinct score threshold, highest first,
/// preceded by the (0, 0) point at threshold +∞. With `dropIntermediate` collinear points are
/// removed exactly as scikit-learn's `roc_curve(drop_intermediate=True)` does (a point is kept
/// when the second difference of false or true positive counts is non-zero at it).
public struct ROCCurve: Sendable, Equatable {
    public let falsePositiveRate: [Double]
    public let truePositiveRate: [Double]
    public let thresholds: [Double]

    public init(truth: [Bool], scores: [Double], dropIntermediate: Bool = true) {
        precondition(truth.count == scores.count, "one score per case")
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var fps: [Double] = [0], tps: [Double] = [0], thr: [Double] = [.infinity]
        var fp = 0.0, tp = 0.0
        for (k, i) in order.enumerated() {
            if truth[i] { tp += 1 } else { fp += 1 }
            if k + 1 == order.count || scores[order[k + 1]] != scores[i] {
                fps.append(fp); tps.append(tp); thr.append(scores[i])
            }
        }
        if dropIntermediate && fps.count > 2 {
            var keep = [0]
            for k in 1..<(fps.count - 1) {
                let dfp = fps[k + 1] - 2 * fps[k] + fps[k - 1], dtp = tps[k + 1] - 2 * tps[k] + tps[k - 1]
                if dfp != 0 || dtp != 0 { keep.append(k) }
            }
            keep.append(fps.count - 1)
            fps = keep.map { fps[$0] }; tps = keep.map { tps[$0] }; thr = keep.map { thr[$0] }
        }
        let negatives = max(fp, 1), positives = max(tp, 1)
        falsePositiveRate = fps.map { $0 / negatives }
        truePositiveRate = tps.map { $0 / positives }
        thresholds = thr
    }
}
