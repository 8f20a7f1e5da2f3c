/// A model folder found by the registry: its card and where its files are.
public struct ModelEntry: Sendable, Equatable {
    public var card: ModelCard
    public var folder: String
    public var cardPath: String { folder + "/card.json" }
    public var modelPath: String { folder + "/model.onnx" }

    public init(card: ModelCard, folder: String) {
        self.card = card
        self.folder = folder
    }
}
