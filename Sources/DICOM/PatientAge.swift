/// Age in whole months from Patient's Age (AS: "009Y", "018M", "010W", "030D"),
/// else from Patient's Birth Date and Study Date (DA: YYYYMMDD).
public enum PatientAge {
    public static func months(age: String?, birthDate: String?, studyDate: String?) -> Int? {
        if let age, age.count == 4, let n = Int(age.prefix(3)) {
            switch age.last {
            case "Y": return n * 12
            case "M": return n
            case "W": return n * 7 * 12 / 365
            case "D": return n * 12 / 365
            default: break
            }
        }
        func parts(_ d: String?) -> (Int, Int, Int)? {
            guard let d, d.count == 8, let v = Int(d) else { return nil }
            return (v / 10000, v / 100 % 100, v % 100)
        }
        guard let b = parts(birthDate), let s = parts(studyDate) else { return nil }
        var months = (s.0 - b.0) * 12 + (s.1 - b.1)
        if s.2 < b.2 { months -= 1 }
        return months >= 0 ? months : nil
    }
}
