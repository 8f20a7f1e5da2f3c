import Foundation

enum ExportFormatting {
    /// Integral values without a decimal point (R and the Iowa programs read
    /// ratings as integers when they are), others in Swift's shortest exact form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Seconds to the millisecond.
    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
