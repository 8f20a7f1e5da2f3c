import Common

/// The one error type of the Inference module. Cases carry coordinates
/// (byte offset, node name and op, tensor name) so the CLI can print one line.
public enum InferenceError: Error, Equatable, Sendable {
    /// The protobuf bytes are malformed at `offset`.
    case malformedProtobuf(offset: Int, reason: String)
    /// A field of an ONNX message holds something this engine cannot use.
    case invalidModel(field: String, reason: String)
    /// Every unsupported operator of a model, listed at once.
    case unsupportedOperators([UnsupportedOperator])
    /// A node's inputs or attributes are inconsistent with its operator.
    case invalidNode(node: String, op: String, reason: String)
    /// A tensor with an element type this engine does not compute with.
    case unsupportedDataType(tensor: String, dataType: Int)
    /// A graph input or output that is not a tensor (sequence, optional, map).
    case unsupportedValueType(name: String)
    /// A tensor stored in an external file (not supported: the model must be self-contained).
    case externalData(tensor: String)
    /// Inputs given at run time do not match the graph.
    case badInput(name: String, reason: String)
    /// A .npy file that cannot be read.
    case badNpy(reason: String)
    /// A kernel variant that is unknown or that this CPU cannot run.
    case kernelVariant(name: String, reason: String)
}

/// One operator the engine cannot run, with where it came from.
public struct UnsupportedOperator: Equatable, Sendable, CustomStringConvertible {
    public var opType: String
    public var domain: String
    public var opset: Int
    public var reason: String?

    public init(opType: String, domain: String, opset: Int, reason: String? = nil) {
        self.opType = opType
        self.domain = domain
        self.opset = opset
        self.reason = reason
    }

    public var description: String {
        let dom = domain.isEmpty ? "ai.onnx" : domain
        return "\(opType) (\(dom), opset \(opset))" + (reason.map { ": \($0)" } ?? "")
    }
}

extension InferenceError: UserFacingError {
    public var coordinates: String {
        switch self {
        case .malformedProtobuf(let offset, _): return "protobuf byte \(offset)"
        case .invalidModel(let field, _): return "model field \(field)"
        case .unsupportedOperators: return "model"
        case .invalidNode(let node, let op, _): return "node \(node.isEmpty ? "<unnamed>" : node) (\(op))"
        case .unsupportedDataType(let tensor, _): return "tensor \(tensor)"
        case .externalData(let tensor): return "tensor \(tensor)"
        case .unsupportedValueType(let name): return "graph value \(name)"
        case .badInput(let name, _): return "input \(name)"
        case .badNpy: return "npy"
        case .kernelVariant(let name, _): return "kernel variant \(name)"
        }
    }

    public var problem: String {
        switch self {
        case .malformedProtobuf(_, let reason): return reason
        case .invalidModel(_, let reason): return reason
        case .unsupportedOperators(let ops):
            return "unsupported operators: " + ops.map(\.description).joined(separator: "; ")
        case .invalidNode(_, _, let reason): return reason
        case .unsupportedDataType(_, let t):
            return "element type \(DataType(rawValue: t).map { "\($0)" } ?? "#\(t)") is not supported"
        case .externalData:
            return "weights stored in external data files are not supported; save the model with all tensors inside the .onnx file"
        case .unsupportedValueType: return "only tensor values are supported (not sequences, optionals or maps)"
        case .badInput(_, let reason): return reason
        case .badNpy(let reason): return reason
        case .kernelVariant(_, let reason): return reason
        }
    }
}
