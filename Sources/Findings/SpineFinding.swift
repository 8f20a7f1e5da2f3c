/// Per-level findings on the mid-sagittal slice of a lumbar MR.
public struct SpineFinding: Sendable, Equatable, Codable {
    public static let levelNames = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]
    /// RSNA 2024 classes, spelled as FindingCatalog spells them.
    public static let stenosisLabels = ["normal/mild", "moderate", "severe"]
    public static let pfirrmannLabels = ["1", "2", "3", "4", "5"]
    public static let listhesisLabels = ["none", "I", "II", "III", "IV"]

    public struct Level: Sendable, Equatable, Codable {
        public var level: String
        /// Disc centre in the slice's pixels (continuous: pixel i spans [i, i+1)).
        public var x: Double
        public var y: Double
        /// The same in mm from the image's top-left corner, when the pixel spacing is known.
        public var xMm: Double?
        public var yMm: Double?
        /// Softmax probabilities in label order.
        public var canalStenosis: [Double]
        public var pfirrmann: [Double]
        public var listhesis: [Double]

        public init(level: String, x: Double, y: Double, xMm: Double?, yMm: Double?,
                    canalStenosis: [Double], pfirrmann: [Double], listhesis: [Double]) {
            self.level = level; self.x = x; self.y = y; self.xMm = xMm; self.yMm = yMm
            self.canalStenosis = canalStenosis; self.pfirrmann = pfirrmann; self.listhesis = listhesis
        }

        public var canalStenosisLabel: String { SpineFinding.stenosisLabels[Probability.argmax(canalStenosis)] }
        public var pfirrmannLabel: String { SpineFinding.pfirrmannLabels[Probability.argmax(pfirrmann)] }
        public var listhesisLabel: String { SpineFinding.listhesisLabels[Probability.argmax(listhesis)] }
    }

    /// The slice read (path inside the study folder).
    public var image: String
    public var levels: [Level]

    public init(image: String, levels: [Level]) { self.image = image; self.levels = levels }
}
