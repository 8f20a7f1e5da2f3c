import Common

/// `study.json`: what a study folder holds. Never contains the reference
/// (ground truth), which lives apart in `reference.json` so that reading
/// screens cannot load it by accident.
public struct StudyManifest: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1

    public struct Patient: Codable, Sendable, Equatable {
        public var pseudoId: String
        public var sex: Sex
        /// Age at the study in months; nil when the source did not record it (a PNG research set).
        public var ageMonths: Int?
        public init(pseudoId: String, sex: Sex, ageMonths: Int?) {
            self.pseudoId = pseudoId; self.sex = sex; self.ageMonths = ageMonths
        }
    }

    public enum Sex: String, Codable, Sendable {
        case female = "F"
        case male = "M"
        case other = "O"
    }

    public struct Series: Codable, Sendable, Equatable {
        public var id: String
        public var description: String?
        public var view: String?
        /// Paths relative to the study folder.
        public var images: [String]
        /// Row and column spacing in mm, for files that cannot carry it (PNG).
        public var pixelSpacing: [Double]?
        /// The window to show first, for files that cannot carry one (PNG).
        public var windowCenter: Double?
        public var windowWidth: Double?

        public init(id: String, description: String? = nil, view: String? = nil, images: [String],
                    pixelSpacing: [Double]? = nil, windowCenter: Double? = nil, windowWidth: Double? = nil) {
            self.id = id; self.description = description; self.view = view; self.images = images
            self.pixelSpacing = pixelSpacing; self.windowCenter = windowCenter; self.windowWidth = windowWidth
        }
    }

    public var formatVersion: Int
    public var id: String
    public var kind: StudyKind
    public var modality: String
    public var bodyPart: String
    public var patient: Patient
    public var series: [Series]

    public init(formatVersion: Int = StudyManifest.currentFormatVersion, id: String, kind: StudyKind,
                modality: String, bodyPart: String, patient: Patient, series: [Series]) {
        self.formatVersion = formatVersion; self.id = id; self.kind = kind; self.modality = modality
        self.bodyPart = bodyPart; self.patient = patient; self.series = series
    }

    public var imageCount: Int { series.reduce(0) { $0 + $1.images.count } }
}
