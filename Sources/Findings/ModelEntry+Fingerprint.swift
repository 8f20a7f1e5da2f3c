import Common
import Foundation

extension ModelEntry {
    /// The model's identity from the bytes on disk now (not the card parsed at
    /// discovery), so an edited file is noticed.
    public func fingerprint() throws -> ModelFingerprint {
        guard let model = FileManager.default.contents(atPath: modelPath) else {
            throw FindingsError.model(path: modelPath, problem: "cannot read the file")
        }
        guard let cardBytes = FileManager.default.contents(atPath: cardPath) else {
            throw FindingsError.card(path: cardPath, field: "", problem: "cannot read the file")
        }
        return ModelFingerprint(name: card.name, version: card.version, modelBytes: [UInt8](model), cardBytes: [UInt8](cardBytes))
    }
}
