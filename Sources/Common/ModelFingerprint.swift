/// Which model spoke, exactly: the card's name and version and the SHA-256 of
/// the bytes of `model.onnx` and `card.json`. A reader study pins its AI to
/// these four values, so a retrained or edited model under the same name and
/// version is a different model (issue 16). Shared by Findings, which computes
/// it, and Ledger, which stores it.
public struct ModelFingerprint: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var modelSHA256: String
    public var cardSHA256: String

    public init(name: String, version: String, modelSHA256: String, cardSHA256: String) {
        self.name = name; self.version = version; self.modelSHA256 = modelSHA256; self.cardSHA256 = cardSHA256
    }

    public init(name: String, version: String, modelBytes: [UInt8], cardBytes: [UInt8]) {
        self.init(name: name, version: version, modelSHA256: SHA256.hash(modelBytes), cardSHA256: SHA256.hash(cardBytes))
    }

    /// "fracture-phantom 0.4.0 (model 1a2b3c4d5e6f, card 0f9e8d7c6b5a)": enough hex to tell two apart on screen.
    public var summary: String {
        "\(name) \(version) (model \(modelSHA256.prefix(12)), card \(cardSHA256.prefix(12)))"
    }
}
