/// ONNX `TensorProto.DataType` numbers. The engine computes in float32;
/// integer and bool tensors are shape-like values evaluated when a plan is made.
public enum DataType: Int, Sendable, CustomStringConvertible {
    case float = 1, uint8 = 2, int8 = 3, uint16 = 4, int16 = 5, int32 = 6, int64 = 7
    case string = 8, bool = 9, float16 = 10, double = 11, uint32 = 12, uint64 = 13

    /// Stored in `Tensor.floats` (true) or `Tensor.ints` (false).
    public var isFloating: Bool { self == .float || self == .double || self == .float16 }

    /// Types a plan may compute at run time: float32, and bool held as 0/1 floats
    /// (comparison results feeding Where). Everything else is folded at plan time.
    public var isRuntime: Bool { self == .float || self == .bool }

    public var description: String {
        switch self {
        case .float: "float32"
        case .uint8: "uint8"
        case .int8: "int8"
        case .uint16: "uint16"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .string: "string"
        case .bool: "bool"
        case .float16: "float16"
        case .double: "float64"
        case .uint32: "uint32"
        case .uint64: "uint64"
        }
    }
}
