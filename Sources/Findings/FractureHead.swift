import Inference

/// Fracture post-processing: calibrated per-image probability and the CAM in image coordinates.
public enum FractureHead {
    public static func image(_ name: String, outputs: [String: Tensor], card: ModelCard, modelPath: String = "model.onnx",
                             geometry: InputGeometry) throws -> FractureFinding.ImageResult {
        let reader = OutputReader(outputs: outputs, card: card, modelPath: modelPath)
        let logit = try reader.scalar("logit")
        let p = Probability.sigmoid(logit / (card.calibration?.divisor ?? 1))
        let cam = try reader.maps("cam", channels: 1)
        return .init(image: name, logit: logit, probability: p, cam: heatMap(cam.values, width: cam.width, height: cam.height, geometry: geometry))
    }

    /// The CAM grid covers the whole model input; its rectangle in the original image follows
    /// from the resize geometry (with letterbox it reaches past the image into the padding).
    public static func heatMap(_ values: [Float], width: Int, height: Int, geometry: InputGeometry) -> HeatMap {
        HeatMap(width: width, height: height, values: values, rect: geometry.inputRectInImage)
    }
}
