import Foundation
import ReaderStudy
import Statistics

/// The stated reader model of `lightbox simulate`:
/// - ratings: the Roe–Metz model (`RoeMetzModel`, Roe & Metz 1997) with its default
///   variance structure; the unaided separation gives AUC `baselineAUC`, the aided one
///   `baselineAUC + aucDelta` (population AUCs). The latent rating is cut at nine
///   equally spaced points (0.4 latent SD apart, centred between the class means)
///   into the 1–10 scale the reading screen produces: level ≥ 6 is a "present" call
///   with confidence level − 5, otherwise "absent" with confidence 6 − level.
/// - times: log-normal with reader, case, reader × arm and error effects
///   (`RoeMetzModel`), geometric mean `baselineSeconds` unaided and `timeRatio` times
///   that aided. The sequential arm's first pass takes the unaided time, its
///   second (AI-revealed) pass a quarter of the aided time.
/// - the AI: right on each case with probability `aiAccuracy`, independently of readers.
struct SimulateReaderModel {
    var baselineAUC: Double
    var aucDelta: Double
    var timeRatio: Double
    var baselineSeconds: Double
    var aiAccuracy: Double

    static let cutStep = 0.4

    func roeMetz(readers: Int, normals: Int, abnormals: Int) throws -> RoeMetzModel {
        var model = RoeMetzModel(readers: readers, normalCases: normals, abnormalCases: abnormals,
                                 baselineSeconds: baselineSeconds, timeRatio: timeRatio)
        let scale = (2 * (model.varCase + model.varTreatmentCase + model.varReaderCase + model.varError)).squareRoot()
        for auc in [baselineAUC, baselineAUC + aucDelta] where !(auc > 0.5 && auc < 1) {
            throw ExperimentCommandError.invalid(field: "--auc/--auc-delta", problem: "population AUCs must lie in (0.5, 1); got \(auc)")
        }
        model.separation = Normal.quantile(baselineAUC) * scale
        model.separationDelta = Normal.quantile(baselineAUC + aucDelta) * scale - model.separation
        return model
    }

    /// 1…10 from a latent rating.
    static func level(latent: Double, separation: Double) -> Int {
        let centre = separation / 2
        let index = Int(((latent - centre) / cutStep + 5).rounded(.down))
        return min(max(index + 1, 1), 10)
    }

    static func call(level: Int) -> (present: Bool, confidence: Int) {
        level >= 6 ? (true, level - 5) : (false, 6 - level)
    }
}
