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
    case log
    case erf
    case neg
    case abs
    case reciprocal
    case floor
    case ceil
    /// 0.5·x·(1 + erf(x/√2)), or its tanh approximation (ONNX Gelu, approximate="tanh").
    case gelu(tanh: Bool)
    case mish
    case softplus
    case elu(alpha: Float)
    case selu(alpha: Float, gamma: Float)
    case sign
    case shrink(lambda: Float, bias: Float)
    /// Logical not on bool values held as 0/1.
    case not

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
        case .log: return Foundation.log(x)
        case .erf: return Foundation.erf(x)
        case .neg: return -x
        case .abs: return Swift.abs(x)
        case .reciprocal: return 1 / x
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .gelu(let approximate):
            if approximate {
                let inner = Float(0.7978845608028654) * (x + 0.044715 * x * x * x)
                return 0.5 * x * (1 + Foundation.tanh(inner))
            }
            return 0.5 * x * (1 + Foundation.erf(x * Float(0.7071067811865476)))
        case .mish: return x * Foundation.tanh(Activation.softplus(x))
        case .softplus: return Activation.softplus(x)
        case .elu(let a): return x >= 0 ? x : a * (Foundation.exp(x) - 1)
        case .selu(let a, let g): return x > 0 ? g * x : g * a * (Foundation.exp(x) - 1)
        case .sign: return x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
        case .shrink(let l, let b): return x < -l ? x + b : (x > l ? x - b : 0)
        case .not: return x == 0 ? 1 : 0
        }
    }

    /// log(1 + eˣ) without overflow for large x.
    @inline(__always)
    static func softplus(_ x: Float) -> Float {
        x > 20 ? x : Foundation.log1p(Foundation.exp(x))
    }

    /// The integer form, for shape arithmetic folded at plan time; nil when the
    /// function is only defined on floats.
    func apply(_ x: Int64) -> Int64? {
        switch self {
        case .identity: x
        case .neg: 0 &- x
        case .abs: x < 0 ? 0 &- x : x
        case .not: x == 0 ? 1 : 0
        case .relu: Swift.max(x, 0)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : 0)
        default: nil
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
