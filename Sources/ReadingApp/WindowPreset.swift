/// Named windows a reader cycles through with `w`. Percentile windows adapt to
/// any detector's value range, so the same preset means the same thing on a
/// 12-bit CR and a 16-bit DX; "as stored" is the window the file carries.
public struct WindowPreset: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// The file's own first window (DICOM Window Center/Width), else `percentiles(1, 99)`.
        case stored
        case percentiles(low: Double, high: Double)
        case fullRange
    }

    public var name: String
    public var rule: Rule

    public init(_ name: String, _ rule: Rule) { self.name = name; self.rule = rule }

    /// Presets by modality: radiographs favour bone and soft tissue, MR its fluid-bright range.
    public static func presets(modality: String) -> [WindowPreset] {
        switch modality.uppercased() {
        case "MR":
            return [WindowPreset("as stored", .stored), WindowPreset("T2 fluid", .percentiles(low: 2, high: 99.8)),
                    WindowPreset("disc and cord", .percentiles(low: 10, high: 95)), WindowPreset("full range", .fullRange)]
        default:
            return [WindowPreset("as stored", .stored), WindowPreset("bone", .percentiles(low: 35, high: 99.7)),
                    WindowPreset("soft tissue", .percentiles(low: 1, high: 60)), WindowPreset("full range", .fullRange)]
        }
    }
}
