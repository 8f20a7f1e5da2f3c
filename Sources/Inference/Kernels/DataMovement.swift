/// Copy kernels shared by the layout operators, generic so the same code moves
/// float32 values at run time and integer values at plan time.
enum DataMovement {
    static func transpose<T>(_ src: UnsafePointer<T>, shape: [Int], perm: [Int], _ dst: UnsafeMutablePointer<T>) {
        let rank = shape.count
        let count = shape.reduce(1, *)
        guard rank > 0 else { if count == 1 { dst[0] = src[0] }; return }
        let inStrides = Shape.strides(shape)
        let outShape = perm.map { shape[$0] }
        let srcStrides = perm.map { inStrides[$0] }
        var index = [Int](repeating: 0, count: rank)
        let last = rank - 1
        let innerN = outShape[last], innerS = srcStrides[last]
        var o = 0
        while o < count {
            var off = 0
            for d in 0..<last { off += index[d] * srcStrides[d] }
            for i in 0..<innerN { dst[o + i] = src[off + i * innerS] }
            o += innerN
            var d = last - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < outShape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
    }

    /// Copies `src` (shape `outer × axisLen × inner`) into the slice starting at `offset` along the axis of `dst`.
    static func concatPart<T>(_ src: UnsafePointer<T>, outer: Int, block: Int, _ dst: UnsafeMutablePointer<T>, dstBlock: Int, offset: Int) {
        for o in 0..<outer { (dst + o * dstBlock + offset).update(from: src + o * block, count: block) }
    }

    static func gather<T>(_ src: UnsafePointer<T>, outer: Int, axisLen: Int, inner: Int, indices: [Int], _ dst: UnsafeMutablePointer<T>) {
        var p = dst
        for o in 0..<outer {
            for i in indices {
                (p).update(from: src + (o * axisLen + i) * inner, count: inner)
                p += inner
            }
        }
    }
}

extension Tensor {
    /// Applies a generic copy kernel to whichever storage the tensor uses.
    func moved(to shape: [Int], _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void,
               _ intBody: (UnsafePointer<Int64>, UnsafeMutablePointer<Int64>) -> Void) -> Tensor {
        let n = shape.reduce(1, *)
        if dataType.isFloating {
            var out = [Float](repeating: 0, count: n)
            floats.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { d in
                if let sb = s.baseAddress, let db = d.baseAddress { body(sb, db) }
            } }
            return Tensor(shape: shape, floats: out)
        }
        var out = [Int64](repeating: 0, count: n)
        ints.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { d in
            if let sb = s.baseAddress, let db = d.baseAddress { intBody(sb, db) }
        } }
        return Tensor(shape: shape, ints: out, dataType: dataType)
    }

    func reshaped(_ shape: [Int]) -> Tensor {
        var t = self
        t.shape = shape
        return t
    }
}
