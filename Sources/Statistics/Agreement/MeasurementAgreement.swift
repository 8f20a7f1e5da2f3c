/// Agreement of a continuous measurement (e.g. bone age in months) with a reference:
/// mean absolute difference (MAD) and root-mean-square error (RMSE), each with a seeded
/// percentile bootstrap CI over cases (`BootstrapInterval`).
public struct MeasurementAgreement: Sendable, Equatable {
    public let meanAbsoluteDifference: BootstrapInterval
    public let rootMeanSquareError: BootstrapInterval
    /// Mean signed difference (measured − reference): the bias.
    public let meanDifference: Double
    public let cases: Int

    public init(measured: [Double], reference: [Double], replicates: Int = 2000, seed: UInt64 = 1, level: Double = 0.95) throws {
        guard measured.count == reference.count, !measured.isEmpty else {
            throw StatisticsError(coordinates: "agreement", problem: "need the same, non-zero number of measured and reference values")
        }
        let d = zip(measured, reference).map { $0 - $1 }
        meanAbsoluteDifference = BootstrapInterval(units: d.count, replicates: replicates, seed: seed, level: level) { idx in
            idx.reduce(0) { $0 + abs(d[$1]) } / Double(idx.count)
        }
        rootMeanSquareError = BootstrapInterval(units: d.count, replicates: replicates, seed: seed, level: level) { idx in
            (idx.reduce(0) { $0 + d[$1] * d[$1] } / Double(idx.count)).squareRoot()
        }
        meanDifference = d.reduce(0, +) / Double(d.count)
        cases = d.count
    }
}
