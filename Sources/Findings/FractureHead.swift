import Inference

/// Fracture post-processing: calibrated per-image probability and the CAM in image coordinates.
public enum FractureHead {
    /// `camSource`: for a model without a `cam` output, the map LoadedModel exposed and how to weigh it.
    public static func image(_ name: String, outputs: [String: Tensor], card: ModelCard, modelPath: String = "model.onnx",
                             geometry: InputGeometry, camSource: ClassActivationSource? = nil) throws -> FractureFinding.ImageResult {
        let reader = OutputReader(outputs: outputs, card: card, modelPath: modelPath)
        // A probability output (a site's export ending in Sigmoid) is turned back into its logit.
        let logit = card.outputs["logit"] != nil ? try reader.scalar("logit") : Probability.logit(try reader.scalar("probability"))
        let p = Probability.sigmoid(logit / (card.calibration?.divisor ?? 1))
        if card.outputs["cam"] != nil {
            let cam = try reader.maps("cam", channels: 1)
            return .init(image: name, logit: logit, probability: p, cam: heatMap(cam.values, width: cam.width, height: cam.height, geometry: geometry))
        }
        guard let source = camSource, let f = outputs[source.featureMap], f.rank == 4, f.shape[0] == 1 else {
            throw FindingsError.model(path: modelPath, problem: "the card names no cam output and no convolutional feature map was found to make one from")
        }
        var s = source
        if let w = s.weights, w.count != f.shape[1] { s.weights = nil }
        let values = s.map(f.floats, channels: f.shape[1], plane: f.shape[2] * f.shape[3])
        return .init(image: name, logit: logit, probability: p, cam: heatMap(values, width: f.shape[3], height: f.shape[2], geometry: geometry))
    }

    /// The CAM grid covers the whole model input; its rectangle in the original image follows
    /// from the resize geometry (with letterbox it reaches past the image into the padding).
    public static func heatMap(_ values: [Float], width: Int, height: Int, geometry: InputGeometry) -> HeatMap {
        HeatMap(width: width, height: height, values: values, rect: geometry.inputRectInImage)
    }
}
