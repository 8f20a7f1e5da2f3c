/// Typed access to a node's attributes with ONNX defaults; read once when
/// the operator is built.
struct Attributes {
    let node: NodeProto

    init(_ node: NodeProto) { self.node = node }

    func has(_ name: String) -> Bool { node.attributes[name] != nil }

    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let a = node.attributes[name] else { return fallback }
        guard case .int(let v) = a.value else { throw OperatorFailure("attribute \(name) must be an int") }
        return Int(v)
    }

    func float(_ name: String, _ fallback: Float) throws -> Float {
        guard let a = node.attributes[name] else { return fallback }
        switch a.value {
        case .float(let v): return v
        case .int(let v): return Float(v)
        default: throw OperatorFailure("attribute \(name) must be a float")
        }
    }

    func string(_ name: String, _ fallback: String) throws -> String {
        guard let a = node.attributes[name] else { return fallback }
        guard case .string(let v) = a.value else { throw OperatorFailure("attribute \(name) must be a string") }
        return v
    }

    func ints(_ name: String) throws -> [Int]? {
        guard let a = node.attributes[name] else { return nil }
        switch a.value {
        case .ints(let v): return v.map { Int($0) }
        case .int(let v): return [Int(v)]
        default: throw OperatorFailure("attribute \(name) must be a list of ints")
        }
    }

    func floats(_ name: String) throws -> [Float]? {
        guard let a = node.attributes[name] else { return nil }
        switch a.value {
        case .floats(let v): return v
        case .float(let v): return [v]
        default: throw OperatorFailure("attribute \(name) must be a list of floats")
        }
    }

    func tensor(_ name: String) throws -> Tensor? {
        guard let a = node.attributes[name] else { return nil }
        guard case .tensor(let t) = a.value else { throw OperatorFailure("attribute \(name) must be a tensor") }
        return t.tensor
    }
}
