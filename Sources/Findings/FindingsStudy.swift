import Common
import Imaging

/// What the Findings engine needs of a study: identity, kind, modality, the patient's sex
/// and age, and its images with what their files may not carry (pixel spacing and display
/// window declared in study.json). Built from a `Worklist.Study` or directly in tests.
public struct FindingsStudy: Sendable, Equatable {
    public enum Sex: String, Sendable, Equatable { case female = "F", male = "M", other = "O" }

    public struct Image: Sendable, Equatable {
        /// Absolute path of the file.
        public var path: String
        /// Path inside the study folder, as study.json lists it (reported in findings).
        public var name: String
        public var seriesIndex: Int
        public var view: String?
        /// Spacing declared by study.json, used when the file itself has none (PNG).
        public var declaredSpacing: PixelSpacing?
        /// Window declared by study.json, the image's own window when the file has none.
        public var declaredWindow: VOIWindow?

        public init(path: String, name: String, seriesIndex: Int = 0, view: String? = nil,
                    declaredSpacing: PixelSpacing? = nil, declaredWindow: VOIWindow? = nil) {
            self.path = path; self.name = name; self.seriesIndex = seriesIndex; self.view = view
            self.declaredSpacing = declaredSpacing; self.declaredWindow = declaredWindow
        }
    }

    public var id: String
    public var kind: StudyKind
    public var modality: String
    public var sex: Sex
    public var ageMonths: Int?
    public var images: [Image]

    public init(id: String, kind: StudyKind, modality: String, sex: Sex, ageMonths: Int?, images: [Image]) {
        self.id = id; self.kind = kind; self.modality = modality; self.sex = sex; self.ageMonths = ageMonths; self.images = images
    }

    /// The slice a spine model reads: the middle image of the series with the most images
    /// (the mid-sagittal slice of a sagittal stack; the first such series on ties).
    public var middleSlice: Image? {
        let counts = Dictionary(grouping: images, by: \.seriesIndex)
        guard let series = counts.keys.sorted().max(by: { counts[$0]!.count < counts[$1]!.count }) else { return nil }
        let stack = counts[series]!
        return stack[stack.count / 2]
    }
}
