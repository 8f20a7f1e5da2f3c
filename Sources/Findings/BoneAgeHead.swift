import Foundation
import Inference

/// Bone-age post-processing: mean and σ from the outputs, then the comparison with
/// the Greulich–Pyle standard at the chronological age.
public enum BoneAgeHead {
    public static func finding(outputs: [String: Tensor], card: ModelCard, modelPath: String = "model.onnx",
                               sex: FindingsStudy.Sex, chronologicalMonths: Double?) throws -> BoneAgeFinding {
        let reader = OutputReader(outputs: outputs, card: card, modelPath: modelPath)
        let mean = try reader.scalar("mean")
        let sigma: Double
        if card.outputs["logVariance"] != nil {
            sigma = exp(0.5 * (try reader.scalar("logVariance")))
        } else {
            sigma = abs(try reader.scalar("std"))
        }
        guard mean.isFinite, sigma.isFinite else {
            throw FindingsError.model(path: modelPath, problem: "bone age output is not a finite number")
        }
        let tableSex: GreulichPyleTable.Sex? = sex == .male ? .male : (sex == .female ? .female : nil)
        return BoneAgeFinding(months: mean, sigma: sigma, chronologicalMonths: chronologicalMonths, sex: tableSex)
    }

    /// The value fed to the card's sex input; "other" gets the midpoint (the model was not
    /// trained on it, so the SDS is left out too).
    public static func sexValue(_ sex: FindingsStudy.Sex, card: ModelCard.SexInput) -> Float {
        switch sex {
        case .male: return card.male
        case .female: return card.female
        case .other: return (card.male + card.female) / 2
        }
    }
}
