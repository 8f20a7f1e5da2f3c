/// What shape inference knows about a value: shape, element type and, for
/// values computable when the plan is made (initializers, shape arithmetic),
/// the value itself.
public struct ValueInfo: Sendable, Equatable {
    public var shape: [Int]
    public var dataType: DataType
    public var constant: Tensor?

    public init(shape: [Int], dataType: DataType = .float, constant: Tensor? = nil) {
        self.shape = shape
        self.dataType = dataType
        self.constant = constant
    }

    public init(constant: Tensor) {
        self.shape = constant.shape
        self.dataType = constant.dataType
        self.constant = constant
    }

    public var count: Int { shape.reduce(1, *) }
}
