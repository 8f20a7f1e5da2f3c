import Common
import Foundation
import Inference

/// A model's session, checked against its card. Sessions run one at a time, so each run
/// holds the lock; the engine may call from any thread.
public final class LoadedModel: @unchecked Sendable {
    public let entry: ModelEntry
    /// Where a fracture model without a `cam` output gets its heat map (an extra output
    /// of the session), or nil.
    public let camSource: ClassActivationSource?
    /// SHA-256 of the model.onnx bytes this session was built from.
    public let modelSHA256: String
    private let session: Session
    private let lock = NSLock()

    /// Loads `model.onnx`, rejects unsupported operators (one line listing them), and checks
    /// the graph against the card: input names and shapes, output names and shapes.
    public init(entry: ModelEntry, threads: Int = 1) throws {
        let path = entry.modelPath, card = entry.card
        func fail(_ problem: String) -> FindingsError { .model(path: path, problem: problem) }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot read the file") }
        modelSHA256 = SHA256.hash([UInt8](data))
        var graph: Graph
        do { graph = try Graph(bytes: [UInt8](data)) } catch let e as InferenceError {
            throw fail("\(e.coordinates): \(e.problem)")
        }
        let imageShape = [1, card.input.channels, card.input.height, card.input.width]
        var infos: [String: ValueInfo] = [:]
        for input in graph.inputs {
            if input.name == card.input.name {
                try Self.check(input, against: imageShape, role: "input", fail: fail)
                infos[input.name] = ValueInfo(shape: imageShape)
            } else if let sex = card.input.sexInput, input.name == sex.name {
                try Self.check(input, against: [1, 1], role: "input.sexInput", fail: fail)
                infos[input.name] = ValueInfo(shape: [1, 1])
            } else {
                throw fail("graph input '\(input.name)' is not described by card.json (input.name is '\(card.input.name)')")
            }
        }
        guard infos[card.input.name] != nil else {
            throw fail("the graph has no input '\(card.input.name)' named by card.json input.name (inputs: \(graph.inputs.map(\.name).joined(separator: ", ")))")
        }
        if let sex = card.input.sexInput, infos[sex.name] == nil {
            throw fail("the graph has no input '\(sex.name)' named by card.json input.sexInput.name")
        }
        let graphOutputs = Set(graph.outputs)
        for (role, name) in card.outputs.sorted(by: { $0.key < $1.key }) where !graphOutputs.contains(name) {
            throw fail("card.json outputs.\(role) names '\(name)', which the graph does not output (outputs: \(graph.outputs.joined(separator: ", ")))")
        }
        if card.task == .fracture, card.outputs["cam"] == nil, let score = card.outputs["logit"] ?? card.outputs["probability"] {
            camSource = graph.classActivationSource(for: score)
            if let s = camSource { graph.addOutput(s.featureMap) }
        } else {
            camSource = nil
        }
        do {
            session = try Session(graph: graph, inputInfos: infos, options: .init(threads: threads))
        } catch let e as InferenceError {
            throw fail("\(e.coordinates): \(e.problem)")
        }
        self.entry = entry
        let shapes = Dictionary(session.outputShapes.map { ($0.name, $0.shape) }, uniquingKeysWith: { a, _ in a })
        for (role, expected) in Self.expectedShapes(card.task) {
            guard let name = card.outputs[role], let shape = shapes[name] else { continue }
            if !Self.matches(shape, expected) {
                throw fail("output '\(name)' (\(role)) has shape \(shape); the card contract wants \(expected.map { $0.map(String.init) ?? "n" })")
            }
        }
    }

    private static func check(_ input: Graph.Input, against shape: [Int], role: String, fail: (String) -> FindingsError) throws {
        guard input.dataType == .float else { throw fail("graph input '\(input.name)' is \(input.dataType), not float32") }
        guard let dims = input.dims else { return }
        guard dims.count == shape.count, zip(dims, shape).allSatisfy({ $0.0 == nil || $0.0 == $0.1 }) else {
            throw fail("graph input '\(input.name)' has shape [\(dims.map { $0.map(String.init) ?? "?" }.joined(separator: ", "))], card.json \(role) says \(shape)")
        }
    }

    /// nil: any size.
    static func expectedShapes(_ task: ModelTask) -> [String: [Int?]] {
        switch task {
        case .fracture: return ["logit": [1, 1], "probability": [1, 1], "cam": [1, 1, nil, nil]]
        case .boneAge: return ["mean": [1, 1], "logVariance": [1, 1], "std": [1, 1]]
        case .spine: return ["levels": [1, 5, nil, nil], "canalStenosis": [1, 5, 3], "pfirrmann": [1, 5, 5], "listhesis": [1, 5, 5]]
        }
    }

    static func matches(_ shape: [Int], _ expected: [Int?]) -> Bool {
        if expected == [1, 1] { return shape.reduce(1, *) == 1 }
        return shape.count == expected.count && zip(shape, expected).allSatisfy { $0.1 == nil || $0.0 == $0.1 }
    }

    public func run(_ feeds: [String: Tensor]) throws -> [String: Tensor] {
        lock.lock()
        defer { lock.unlock() }
        do { return try session.run(feeds) } catch let e as InferenceError {
            throw FindingsError.model(path: entry.modelPath, problem: "\(e.coordinates): \(e.problem)")
        }
    }
}
