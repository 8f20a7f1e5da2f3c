/// Fracture (MURA-style abnormality) on an extremity study.
public struct FractureFinding: Sendable, Equatable, Codable {
    public struct ImageResult: Sendable, Equatable, Codable {
        /// Path inside the study folder.
        public var image: String
        public var logit: Double
        /// Calibrated P(abnormal) = sigmoid(logit / T).
        public var probability: Double
        public var cam: HeatMap?

        public init(image: String, logit: Double, probability: Double, cam: HeatMap?) {
            self.image = image; self.logit = logit; self.probability = probability; self.cam = cam
        }
    }

    public var perImage: [ImageResult]
    /// Mean of the per-image probabilities over all views (as MURA).
    public var probability: Double
    public var operatingPoint: Double
    /// Study P ≥ operating point.
    public var abnormal: Bool

    public init(perImage: [ImageResult], operatingPoint: Double) {
        self.perImage = perImage
        self.probability = perImage.isEmpty ? 0 : perImage.map(\.probability).reduce(0, +) / Double(perImage.count)
        self.operatingPoint = operatingPoint
        self.abnormal = probability >= operatingPoint
    }

    /// The finding's value in FindingCatalog's vocabulary.
    public var label: String { abnormal ? "abnormal" : "normal" }
}
