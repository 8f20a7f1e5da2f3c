import Common

/// Everything the models said about one study.
public struct StudyFindings: Sendable, Equatable {
    public struct ModelIdentity: Sendable, Equatable {
        public var name: String
        public var version: String
        public var task: ModelTask
        public var intendedUse: String
        public var phantomTrained: Bool
        /// The bytes that ran (set when the engine pins results to a store).
        public var fingerprint: ModelFingerprint?
        /// The stored result shown for this model: events and signed reads name it.
        public var resultID: Int64?
        /// SHA-256 of the stored result's payload (what the `aiRevealed` event chains).
        public var resultSHA256: String?

        public init(card: ModelCard, fingerprint: ModelFingerprint? = nil, resultID: Int64? = nil, resultSHA256: String? = nil) {
            name = card.name; version = card.version; task = card.task
            intendedUse = card.intendedUse; phantomTrained = card.isPhantomTrained
            self.fingerprint = fingerprint; self.resultID = resultID; self.resultSHA256 = resultSHA256
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
