import Common

/// Everything the models said about one study.
public struct StudyFindings: Sendable, Equatable {
    public struct ModelIdentity: Sendable, Equatable {
        public var name: String
        public var version: String
        public var task: ModelTask
        public var intendedUse: String
        public var phantomTrained: Bool

        public init(card: ModelCard) {
            name = card.name; version = card.version; task = card.task
            intendedUse = card.intendedUse; phantomTrained = card.isPhantomTrained
        }

        public var displayName: String { "\(name) \(version)" }
    }

    /// Shown wherever a phantom-trained model speaks (same words as ReadingApp's AIResult).
    public static let disclaimer = "trained on phantoms — not for clinical use"

    public var studyId: String
    public var kind: StudyKind
    public var models: [ModelIdentity]
    public var fracture: FractureFinding?
    public var boneAge: BoneAgeFinding?
    public var spine: SpineFinding?
    /// Wall time to produce these findings (images, pre-processing, inference), ms.
    public var latencyMs: Double

    public init(studyId: String, kind: StudyKind, models: [ModelIdentity], fracture: FractureFinding? = nil,
                boneAge: BoneAgeFinding? = nil, spine: SpineFinding? = nil, latencyMs: Double = 0) {
        self.studyId = studyId; self.kind = kind; self.models = models
        self.fracture = fracture; self.boneAge = boneAge; self.spine = spine; self.latencyMs = latencyMs
    }
}
