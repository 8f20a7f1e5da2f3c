import Common

/// One finding a reader decides on, with the values it may take.
public struct FindingSpec: Sendable, Equatable {
    public enum Domain: Sendable, Equatable {
        /// One of a fixed list of labels, in order of severity.
        case choice([String])
        /// A whole number of months within a range (bone age).
        case months(ClosedRange<Int>)
    }

    /// Stable key stored in the ledger, e.g. "spine.L4-L5.canalStenosis".
    public var key: String
    /// Short label for the findings panel.
    public var label: String
    public var domain: Domain

    public init(key: String, label: String, domain: Domain) {
        self.key = key; self.label = label; self.domain = domain
    }

    /// Parses what a reader typed or chose; nil when not a value of this finding.
    public func normalise(_ input: String) -> String? {
        let s = input.trimmingCharacters(in: .whitespaces)
        switch domain {
        case .choice(let labels):
            if let exact = labels.first(where: { $0.lowercased() == s.lowercased() }) { return exact }
            if let n = Int(s), n >= 1, n <= labels.count { return labels[n - 1] }
            return nil
        case .months(let range):
            // "10y", "10y6m", "126" (months) are all accepted; stored as months.
            let lower = s.lowercased()
            var months: Int?
            if let n = Int(lower) { months = n }
            else if lower.hasSuffix("y"), let y = Double(lower.dropLast()) { months = Int((y * 12).rounded()) }
            else if let yi = lower.firstIndex(of: "y"), lower.hasSuffix("m"),
                    let y = Int(lower[..<yi]), let m = Int(lower[lower.index(after: yi)..<lower.index(before: lower.endIndex)]) {
                months = y * 12 + m
            }
            guard let m = months, range.contains(m) else { return nil }
            return String(m)
        }
    }
}

import Foundation
