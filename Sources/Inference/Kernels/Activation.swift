import Foundation

/// Pointwise float functions: the activation operators, and the epilogue
/// Conv/Gemm/BatchNorm apply when an activation is fused into them.
enum Activation: Sendable, Equatable {
    case identity
    case relu
    case leakyRelu(alpha: Float)
    case clip(min: Float, max: Float)
    case sigmoid
    case tanh
    case hardSigmoid(alpha: Float, beta: Float)
    case hardSwish
    case exp
    case sqrt

    @inline(__always)
    func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .identity: return x
        case .relu: return x > 0 ? x : 0
        case .leakyRelu(let a): return x >= 0 ? x : a * x
        case .clip(let lo, let hi): return Swift.min(Swift.max(x, lo), hi)
        case .sigmoid: return x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        case .tanh: return Foundation.tanh(x)
        case .hardSigmoid(let a, let b): return Swift.max(0, Swift.min(1, a * x + b))
        case .hardSwish: return x * Swift.max(0, Swift.min(1, x / 6 + 0.5))
        case .exp: return Foundation.exp(x)
        case .sqrt: return x.squareRoot()
        }
    }

    /// Applies in place (or from `src` to `dst`, which may be equal) over `count` floats.
    func apply(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .identity: if UnsafePointer(dst) != src { dst.update(from: src, count: count) }
        case .relu: for i in 0..<count { let x = src[i]; dst[i] = x > 0 ? x : 0 }
        case .clip(let lo, let hi): for i in 0..<count { dst[i] = Swift.min(Swift.max(src[i], lo), hi) }
        default: for i in 0..<count { dst[i] = self(src[i]) }
        }
    }

    /// Can be applied after a linear op (Conv, Gemm, BatchNorm) as an epilogue.
    var isFusable: Bool {
        switch self {
        case .relu, .leakyRelu, .clip, .sigmoid, .tanh, .hardSigmoid, .hardSwish: true
        default: false
        }
    }
}
