/// Thrown by operators (which do not know their node's name); the graph turns
/// it into `InferenceError.invalidNode` with the node's coordinates.
struct OperatorFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Thrown by operator constructors for attribute values the engine does not
/// implement (for example Resize mode "cubic"): reported with the unsupported ops.
struct UnsupportedFeature: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
