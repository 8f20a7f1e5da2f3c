import Foundation

/// Elementwise binary kernels with numpy broadcasting. Dimensions where every
/// operand has the same broadcast pattern are merged, so [N,C,H,W] + [1,C,1,1]
/// runs as N·C rows of H·W with a scalar per row.
enum BinaryKind: Sendable {
    case add, sub, mul, div, prelu, min, max, less, pow
    /// Mod with fmod=0 (sign of the divisor, as Python) and fmod=1 (sign of the dividend, as C).
    case mod, fmod
    case equal, greater, lessOrEqual, greaterOrEqual, and, or, xor

    /// Comparisons and logic produce bool (held as 0/1).
    var isComparison: Bool {
        switch self {
        case .less, .equal, .greater, .lessOrEqual, .greaterOrEqual, .and, .or, .xor: true
        default: false
        }
    }

    @inline(__always)
    func apply(_ a: Float, _ b: Float) -> Float {
        switch self {
        case .add: a + b
        case .sub: a - b
        case .mul: a * b
        case .div: a / b
        case .prelu: a >= 0 ? a : a * b
        case .min: a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        case .max: a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        case .less: a < b ? 1 : 0
        case .pow: b == 2 ? a * a : (b == 0.5 ? a.squareRoot() : Foundation.pow(a, b))
        case .equal: a == b ? 1 : 0
        case .greater: a > b ? 1 : 0
        case .lessOrEqual: a <= b ? 1 : 0
        case .greaterOrEqual: a >= b ? 1 : 0
        case .and: a != 0 && b != 0 ? 1 : 0
        case .or: a != 0 || b != 0 ? 1 : 0
        case .xor: (a != 0) != (b != 0) ? 1 : 0
        case .fmod: Foundation.fmod(a, b)
        case .mod:
            { let r = Foundation.fmod(a, b); return r != 0 && (r < 0) != (b < 0) ? r + b : r }()
        }
    }

    func apply(_ a: Int64, _ b: Int64) -> Int64 {
        switch self {
        case .add: a &+ b
        case .sub: a &- b
        case .mul: a &* b
        case .div: b == 0 ? 0 : a / b
        case .prelu: a >= 0 ? a : a &* b
        case .min: Swift.min(a, b)
        case .max: Swift.max(a, b)
        case .less: a < b ? 1 : 0
        case .pow:
            if b < 0 { a == 1 ? 1 : 0 } else { (0..<b).reduce(Int64(1)) { acc, _ in acc &* a } }
        case .equal: a == b ? 1 : 0
        case .greater: a > b ? 1 : 0
        case .lessOrEqual: a <= b ? 1 : 0
        case .greaterOrEqual: a >= b ? 1 : 0
        case .and: a != 0 && b != 0 ? 1 : 0
        case .or: a != 0 || b != 0 ? 1 : 0
        case .xor: (a != 0) != (b != 0) ? 1 : 0
        case .fmod: b == 0 ? 0 : a % b
        case .mod:
            if b == 0 { 0 } else { { let r = a % b; return r != 0 && (r < 0) != (b < 0) ? r + b : r }() }
        }
    }
}

struct BroadcastLayout {
    /// Merged output dims and, per operand, the element stride along each.
    var dims: [Int]
    var strides: [[Int]]

    init(output: [Int], operands: [[Int]]) {
        let rank = output.count
        let padded = operands.map { [Int](repeating: 1, count: rank - $0.count) + $0 }
        let full = padded.map { s -> [Int] in
            let st = Shape.strides(s)
            return (0..<rank).map { s[$0] == 1 && output[$0] != 1 ? 0 : st[$0] }
        }
        var dims: [Int] = []
        var strides = [[Int]](repeating: [], count: operands.count)
        for d in 0..<rank where output[d] != 1 {
            if let last = dims.indices.last,
               (0..<operands.count).allSatisfy({ strides[$0][last] == full[$0][d] * output[d] }) {
                dims[last] *= output[d]
                for k in 0..<operands.count { strides[k][last] = full[k][d] }
            } else {
                dims.append(output[d])
                for k in 0..<operands.count { strides[k].append(full[k][d]) }
            }
        }
        if dims.isEmpty {
            dims = [1]
            strides = strides.map { _ in [0] }
        }
        self.dims = dims
        self.strides = strides
    }

    /// Operand offsets of the start of output row `row` (all dims but the last).
    @inline(__always)
    func offsets(row: Int, _ k: Int) -> Int {
        var rem = row, off = 0
        for d in stride(from: dims.count - 2, through: 0, by: -1) {
            off += (rem % dims[d]) * strides[k][d]
            rem /= dims[d]
        }
        return off
    }
}

func broadcastBinary(_ kind: BinaryKind, _ a: TensorView, _ b: TensorView, _ y: TensorView, threads: Int) {
    let layout = BroadcastLayout(output: y.shape, operands: [a.shape, b.shape])
    let inner = layout.dims.last!
    let rows = y.count / max(inner, 1)
    let sa = layout.strides[0].last!, sb = layout.strides[1].last!
    parallelFor(rows, threads: threads, minChunk: max(1, 16384 / max(inner, 1))) { range in
        for row in range {
            let pa = a.data + layout.offsets(row: row, 0)
            let pb = b.data + layout.offsets(row: row, 1)
            let py = y.data + row * inner
            switch (kind, sa, sb) {
            case (.add, 1, 1): for i in 0..<inner { py[i] = pa[i] + pb[i] }
            case (.add, 1, 0): let v = pb[0]; for i in 0..<inner { py[i] = pa[i] + v }
            case (.mul, 1, 1): for i in 0..<inner { py[i] = pa[i] * pb[i] }
            case (.mul, 1, 0): let v = pb[0]; for i in 0..<inner { py[i] = pa[i] * v }
            default: for i in 0..<inner { py[i] = kind.apply(pa[i * sa], pb[i * sb]) }
            }
        }
    }
}

func broadcastBinary(_ kind: BinaryKind, _ a: Tensor, _ b: Tensor, shape: [Int]) -> [Int64] {
    let layout = BroadcastLayout(output: shape, operands: [a.shape, b.shape])
    let inner = layout.dims.last!
    let count = shape.reduce(1, *)
    var out = [Int64](repeating: 0, count: count)
    let sa = layout.strides[0].last!, sb = layout.strides[1].last!
    for row in 0..<(count / max(inner, 1)) {
        let oa = layout.offsets(row: row, 0), ob = layout.offsets(row: row, 1)
        for i in 0..<inner { out[row * inner + i] = kind.apply(a.ints[oa + i * sa], b.ints[ob + i * sb]) }
    }
    return out
}

/// y = x broadcast to y's shape.
func broadcastCopy(_ x: TensorView, _ y: TensorView) {
    let layout = BroadcastLayout(output: y.shape, operands: [x.shape])
    let inner = layout.dims.last!
    let s = layout.strides[0].last!
    for row in 0..<(y.count / max(inner, 1)) {
        let px = x.data + layout.offsets(row: row, 0)
        let py = y.data + row * inner
        if s == 1 { py.update(from: px, count: inner) } else { for i in 0..<inner { py[i] = px[i * s] } }
    }
}
