/// ONNX Mod with numpy broadcasting: fmod=0 takes the divisor's sign (integers
/// only, as the specification requires for floats to set fmod=1), fmod=1 the dividend's.
enum Mod {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        BinaryOperator(kind: try Attributes(node).int("fmod", 0) != 0 ? .fmod : .mod)
    }
}
