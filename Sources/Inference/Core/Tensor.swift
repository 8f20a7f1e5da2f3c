/// A dense row-major tensor value. Floating tensors keep their elements in
/// `floats` (float32; float64/float16 inputs are converted on decode), integer
/// and bool tensors in `ints`. The unused array stays empty.
public struct Tensor: Sendable, Equatable {
    public var shape: [Int]
    public var dataType: DataType
    public var floats: [Float]
    public var ints: [Int64]

    public init(shape: [Int], floats: [Float]) {
        precondition(shape.reduce(1, *) == floats.count, "shape \(shape) does not hold \(floats.count) elements")
        self.shape = shape
        self.dataType = .float
        self.floats = floats
        self.ints = []
    }

    public init(shape: [Int], ints: [Int64], dataType: DataType = .int64) {
        precondition(shape.reduce(1, *) == ints.count, "shape \(shape) does not hold \(ints.count) elements")
        precondition(!dataType.isFloating)
        self.shape = shape
        self.dataType = dataType
        self.floats = []
        self.ints = ints
    }

    /// A raw initializer; callers guarantee the element array matches `dataType`.
    init(shape: [Int], dataType: DataType, floats: [Float], ints: [Int64]) {
        self.shape = shape
        self.dataType = dataType
        self.floats = floats
        self.ints = ints
    }

    public static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, floats: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    public var count: Int { shape.reduce(1, *) }
    public var rank: Int { shape.count }

    /// Elements as Double whatever the storage (for comparisons and reports).
    public var doubles: [Double] {
        dataType.isFloating ? floats.map(Double.init) : ints.map(Double.init)
    }

    /// Integer view of any tensor, for shape-like inputs (axes, pads, sizes).
    public var int64Values: [Int64] {
        dataType.isFloating ? floats.map { Int64($0) } : ints
    }
}
