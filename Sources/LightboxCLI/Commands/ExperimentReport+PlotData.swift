import Statistics

/// The data behind the report's plots, shared by the PNG plots and the report
/// screen so both always show the same curves and distributions.
extension ExperimentReport {
    struct ROCSeries {
        var treatment: String
        /// nil: the arm's pooled curve.
        var reader: String?
        var falsePositiveRate: [Double]
        var truePositiveRate: [Double]
    }

    /// Per treatment: a curve per reader (when the reader saw both truths), then the pooled curve.
    func rocSeries() -> [ROCSeries] {
        var out: [ROCSeries] = []
        for treatment in table.treatments {
            let rows = table.rows.filter { $0.treatment == treatment }
            for reader in table.readers {
                let mine = rows.filter { $0.reader == reader }
                guard Set(mine.map(\.truth)).count == 2 else { continue }
                let roc = ROCCurve(truth: mine.map { $0.truth == 1 }, scores: mine.map(\.rating))
                out.append(ROCSeries(treatment: treatment, reader: reader, falsePositiveRate: roc.falsePositiveRate, truePositiveRate: roc.truePositiveRate))
            }
            guard Set(rows.map(\.truth)).count == 2 else { continue }
            let pooled = ROCCurve(truth: rows.map { $0.truth == 1 }, scores: rows.map(\.rating))
            out.append(ROCSeries(treatment: treatment, reader: nil, falsePositiveRate: pooled.falsePositiveRate, truePositiveRate: pooled.truePositiveRate))
        }
        return out
    }

    /// The MRMC mean AUC of a treatment, when the analysis ran.
    func treatmentAUC(_ treatment: String) -> Double? {
        mrmc.flatMap { or in or.treatments.firstIndex(of: treatment).map { or.treatmentAUC[$0] } }
    }

    /// Active times per reader × treatment with their box summary, and the log-axis ticks that span them.
    func timeDistributions() -> (columns: [(reader: String, treatment: String, seconds: [Double], box: BoxSummary?)], ticks: [Double])? {
        let times = activeTimes()
        let all = times.flatMap(\.seconds).filter { $0 > 0 }
        guard let low = all.min(), let high = all.max() else { return nil }
        return (times.map { ($0.reader, $0.treatment, $0.seconds, BoxSummary($0.seconds)) }, PlotAxis.logTicks(low: low, high: high))
    }
}
