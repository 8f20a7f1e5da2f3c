/// Shape arithmetic shared by operators.
enum Shape {
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }

    /// Numpy-style multidirectional broadcast of shapes.
    static func broadcast(_ shapes: [[Int]]) throws -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: rank)
        for s in shapes {
            let off = rank - s.count
            for (i, d) in s.enumerated() {
                let cur = out[off + i]
                if cur == 1 { out[off + i] = d } else if d != 1 && d != cur {
                    throw OperatorFailure("shapes \(shapes) cannot be broadcast together")
                }
            }
        }
        return out
    }

    /// Normalises a possibly negative axis against a rank.
    static func axis(_ a: Int, rank: Int) throws -> Int {
        let v = a < 0 ? a + rank : a
        guard v >= 0 && v < max(rank, 1) || (rank == 0 && v == 0) else { throw OperatorFailure("axis \(a) is out of range for rank \(rank)") }
        return v
    }
}
