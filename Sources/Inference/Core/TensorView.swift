/// A float32 tensor placed in memory the executor owns (arena or constant
/// store). Kernels read inputs and write outputs through views.
public struct TensorView {
    public let data: UnsafeMutablePointer<Float>
    public let shape: [Int]

    public init(data: UnsafeMutablePointer<Float>, shape: [Int]) {
        self.data = data
        self.shape = shape
    }

    public var count: Int { shape.reduce(1, *) }
    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: data, count: count) }
}
