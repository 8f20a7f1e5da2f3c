/// Midranks (average ranks for ties, 1-based), the building block of the fast DeLong
/// algorithm (Sun & Xu, IEEE Signal Processing Letters 21:1389–1393, 2014).
enum Ranks {
    static func midranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let mid = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = mid }
            i = j + 1
        }
        return ranks
    }
}
