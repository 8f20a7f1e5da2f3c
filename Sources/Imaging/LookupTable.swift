/// A LUT-type modality or VOI transform (PS3.3 C.11.1.1, C.11.2.1.1): inputs below
/// `firstMapped` take the first entry, inputs past the end the last one.
public struct LookupTable: Sendable, Equatable {
    public var firstMapped: Int
    public var bitsPerEntry: Int
    public var entries: [Int32]
    public var explanation: String?

    public init(firstMapped: Int, bitsPerEntry: Int, entries: [Int32], explanation: String? = nil) {
        precondition(!entries.isEmpty, "LookupTable needs entries")
        self.firstMapped = firstMapped
        self.bitsPerEntry = bitsPerEntry
        self.entries = entries
        self.explanation = explanation
    }

    @inline(__always) public func apply(_ x: Int) -> Int32 {
        let i = x - firstMapped
        if i <= 0 { return entries[0] }
        return i >= entries.count ? entries[entries.count - 1] : entries[i]
    }

    /// Largest output the descriptor allows (the scale for display).
    public var outputMaximum: Int32 { Int32((1 << Swift.min(Swift.max(bitsPerEntry, 1), 16)) - 1) }

    /// Display level for a (possibly fractional or absurd) modality value: floored and
    /// clamped before conversion, so a corrupt rescale cannot trap.
    @inline(__always) public func level(_ x: Double) -> UInt8 {
        guard x.isFinite else { return x > 0 ? level(Int.max / 2) : level(Int.min / 2) }
        return level(Int(Swift.min(Swift.max(x.rounded(.down), -1e15), 1e15)))
    }

    /// An output entry as an 8-bit display level.
    @inline(__always) public func level(_ x: Int) -> UInt8 {
        let v = Double(apply(x)) * 255 / Double(outputMaximum)
        return UInt8(Swift.min(255, Swift.max(0, v.rounded())))
    }
}
