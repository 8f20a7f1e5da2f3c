/// Standard deviations of skeletal age by chronological age and sex from the Brush
/// Foundation study tabulated in Greulich WW, Pyle SI, *Radiographic Atlas of Skeletal
/// Development of the Hand and Wrist*, 2nd ed., Stanford University Press, 1959 (as
/// transcribed in /work/shared/reference/clinical-facts.md §1.1). The table ends at
/// 17 y for boys and 16 y for girls; between rows the SD is interpolated linearly and
/// outside the table it is clamped to the first or last row (as public implementations do).
public enum GreulichPyleTable {
    /// (chronological age in months, SD in months)
    public static let boys: [(age: Double, sd: Double)] = [
        (3, 0.69), (6, 1.13), (9, 1.43), (12, 1.97), (18, 3.52), (24, 3.92), (30, 4.52), (36, 5.08),
        (42, 5.40), (48, 6.66), (54, 8.36), (60, 8.79), (72, 9.17), (84, 8.91), (96, 9.10), (108, 9.00),
        (120, 9.79), (132, 10.09), (144, 10.38), (156, 10.44), (168, 10.72), (180, 11.32), (192, 12.86), (204, 13.05),
    ]

    public static let girls: [(age: Double, sd: Double)] = [
        (3, 0.72), (6, 1.16), (9, 1.36), (12, 1.77), (18, 3.49), (24, 4.64), (30, 5.37), (36, 5.97),
        (42, 7.48), (48, 8.98), (54, 10.73), (60, 11.65), (72, 10.23), (84, 9.64), (96, 10.23), (108, 10.74),
        (120, 11.73), (132, 11.94), (144, 10.24), (156, 10.67), (168, 11.30), (180, 9.23), (192, 7.31),
    ]

    public enum Sex: Sendable { case male, female }

    /// SD of skeletal age (months) at a chronological age (months).
    public static func standardDeviation(ageMonths: Double, sex: Sex) -> Double {
        let rows = sex == .male ? boys : girls
        if ageMonths <= rows[0].age { return rows[0].sd }
        if ageMonths >= rows[rows.count - 1].age { return rows[rows.count - 1].sd }
        var i = 1
        while rows[i].age < ageMonths { i += 1 }
        let a = rows[i - 1], b = rows[i]
        return a.sd + (b.sd - a.sd) * (ageMonths - a.age) / (b.age - a.age)
    }
}
