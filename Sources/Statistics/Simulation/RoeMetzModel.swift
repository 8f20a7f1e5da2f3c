import Foundation

/// A seeded generator of synthetic MRMC ratings and reading times, for checking an analysis plan
/// (`lightbox simulate`, power by simulation) and for the slow statistical checks.
///
/// Ratings follow the Roe–Metz model (Roe & Metz, Acad Radiol 4:298–303, 1997): the latent
/// decision variable of reader j, treatment i, case k with truth D ∈ {0, 1} is
///   X = D·μ_i + R_j + (τR)_ij + C_k + (τC)_ik + (RC)_jk + ε_ijk,
/// each term an independent zero-mean normal with the variance below (the same for both truth
/// states). The population AUC of treatment i is Φ(μ_i / √(2(σ²_C + σ²_τC + σ²_RC + σ²_ε))).
/// Reading times follow a log-normal crossed model on log seconds:
///   log T = log(baseline) + aided·log(timeRatio) + u_j + v_k + (aided·w)_j + e,
/// so `timeRatio` is the true aided/unaided ratio of geometric means.
public struct RoeMetzModel: Sendable, Equatable {
    public var readers: Int
    public var normalCases: Int
    public var abnormalCases: Int
    /// Separation μ of the unaided (first) treatment.
    public var separation: Double
    /// Added to the separation under the aided (second) treatment.
    public var separationDelta: Double
    public var varReader: Double
    public var varTreatmentReader: Double
    public var varCase: Double
    public var varTreatmentCase: Double
    public var varReaderCase: Double
    public var varError: Double

    public var baselineSeconds: Double
    public var timeRatio: Double
    public var sdLogTimeReader: Double
    public var sdLogTimeCase: Double
    public var sdLogTimeReaderArm: Double
    public var sdLogTimeError: Double

    /// Defaults: an illustrative structure (case and reader×case variance dominating, small reader
    /// terms) giving AUC ≈ 0.86 at separation 1.5; times with 60 s baseline and 30% log-scale noise.
    public init(readers: Int = 5, normalCases: Int = 50, abnormalCases: Int = 50, separation: Double = 1.5,
                separationDelta: Double = 0, varReader: Double = 0.011, varTreatmentReader: Double = 0.011,
                varCase: Double = 0.3, varTreatmentCase: Double = 0.3, varReaderCase: Double = 0.2, varError: Double = 0.2,
                baselineSeconds: Double = 60, timeRatio: Double = 1, sdLogTimeReader: Double = 0.3, sdLogTimeCase: Double = 0.3,
                sdLogTimeReaderArm: Double = 0.1, sdLogTimeError: Double = 0.3) {
        self.readers = readers
        self.normalCases = normalCases
        self.abnormalCases = abnormalCases
        self.separation = separation
        self.separationDelta = separationDelta
        self.varReader = varReader
        self.varTreatmentReader = varTreatmentReader
        self.varCase = varCase
        self.varTreatmentCase = varTreatmentCase
        self.varReaderCase = varReaderCase
        self.varError = varError
        self.baselineSeconds = baselineSeconds
        self.timeRatio = timeRatio
        self.sdLogTimeReader = sdLogTimeReader
        self.sdLogTimeCase = sdLogTimeCase
        self.sdLogTimeReaderArm = sdLogTimeReaderArm
        self.sdLogTimeError = sdLogTimeError
    }

    /// Population AUC of a treatment with separation μ under this variance structure.
    public func populationAUC(separation mu: Double) -> Double {
        Normal.cdf(mu / (2 * (varCase + varTreatmentCase + varReaderCase + varError)).squareRoot())
    }

    /// One synthetic study from `seed`: ratings (treatments "unaided", "aided") and timed reads.
    public func sample(seed: UInt64) -> (ratings: MRMCDataset, times: [TimedRead]) {
        var rng = Xoshiro256StarStar(seed: seed)
        let c = normalCases + abnormalCases
        let truth = (0..<c).map { $0 >= normalCases }
        func draws(_ n: Int, _ variance: Double) -> [Double] { (0..<n).map { _ in variance.squareRoot() * rng.normal() } }
        let r = draws(readers, varReader)
        let tr = [draws(readers, varTreatmentReader), draws(readers, varTreatmentReader)]
        let cs = draws(c, varCase)
        let tc = [draws(c, varTreatmentCase), draws(c, varTreatmentCase)]
        let rc = (0..<readers).map { _ in draws(c, varReaderCase) }
        var ratings = [[[Double]]]()
        for i in 0..<2 {
            let mu = separation + (i == 1 ? separationDelta : 0)
            ratings.append((0..<readers).map { j in
                (0..<c).map { k in (truth[k] ? mu : 0) + r[j] + tr[i][j] + cs[k] + tc[i][k] + rc[j][k] + varError.squareRoot() * rng.normal() }
            })
        }
        let u = (0..<readers).map { _ in sdLogTimeReader * rng.normal() }
        let v = (0..<c).map { _ in sdLogTimeCase * rng.normal() }
        let w = (0..<readers).map { _ in sdLogTimeReaderArm * rng.normal() }
        var times = [TimedRead]()
        for j in 0..<readers {
            for k in 0..<c {
                for aided in [false, true] {
                    let logT = Foundation.log(baselineSeconds) + (aided ? Foundation.log(timeRatio) + w[j] : 0) + u[j] + v[k] + sdLogTimeError * rng.normal()
                    times.append(TimedRead(reader: "reader\(j + 1)", caseID: "\(k + 1)", aided: aided, seconds: Foundation.exp(logT)))
                }
            }
        }
        // The model is fully crossed with ≥ 2 of everything by construction, so this cannot throw.
        let data = try! MRMCDataset(treatments: ["unaided", "aided"], readers: (1...readers).map { "reader\($0)" },
                                    cases: (1...c).map { "\($0)" }, truth: truth, ratings: ratings)
        return (data, times)
    }
}
