/// Ages as radiologists write them: months under two years, else years+months.
enum AgeText {
    static func short(months: Int?) -> String {
        guard let months else { return "age ?" }
        if months < 24 { return "\(months)mo" }
        let y = months / 12, m = months % 12
        return m == 0 ? "\(y)y" : "\(y)y\(m)m"
    }
}
