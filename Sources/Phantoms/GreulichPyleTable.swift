/// Brush Foundation means and standard deviations of skeletal age (months) by chronological
/// age, from Greulich & Pyle 1959 [S1] as transcribed in clinical-facts.md §1.1. SDs are
/// interpolated linearly between rows and clamped at both ends, like the public implementations
/// the facts file describes.
public enum GreulichPyleTable {
    /// (chronological age months, boys SD, girls SD); girls' table ends at 16 y.
    static let rows: [(age: Double, boys: Double, girls: Double?)] = [
        (3, 0.69, 0.72), (6, 1.13, 1.16), (9, 1.43, 1.36), (12, 1.97, 1.77), (18, 3.52, 3.49),
        (24, 3.92, 4.64), (30, 4.52, 5.37), (36, 5.08, 5.97), (42, 5.40, 7.48), (48, 6.66, 8.98),
        (54, 8.36, 10.73), (60, 8.79, 11.65), (72, 9.17, 10.23), (84, 8.91, 9.64), (96, 9.10, 10.23),
        (108, 9.00, 10.74), (120, 9.79, 11.73), (132, 10.09, 11.94), (144, 10.38, 10.24),
        (156, 10.44, 10.67), (168, 10.72, 11.30), (180, 11.32, 9.23), (192, 12.86, 7.31), (204, 13.05, nil),
    ]

    /// SD of skeletal age (months) at chronological age `months` for `sex` ("O" uses the mean of both).
    public static func standardDeviation(ageMonths months: Double, sex: PhantomSex) -> Double {
        switch sex {
        case .male: return interpolate(months, rows.map { ($0.age, $0.boys) })
        case .female: return interpolate(months, rows.compactMap { r in r.girls.map { (r.age, $0) } })
        case .other:
            return (standardDeviation(ageMonths: months, sex: .male) + standardDeviation(ageMonths: months, sex: .female)) / 2
        }
    }

    static func interpolate(_ x: Double, _ table: [(Double, Double)]) -> Double {
        if x <= table[0].0 { return table[0].1 }
        for i in 1..<table.count where x <= table[i].0 {
            let (x0, y0) = table[i - 1], (x1, y1) = table[i]
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        }
        return table[table.count - 1].1
    }
}
