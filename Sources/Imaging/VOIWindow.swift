import Foundation

/// VOI window transform of PS3.3 C.11.2.1.2 (LINEAR, LINEAR_EXACT) and C.11.2.1.3.1 (SIGMOID),
/// mapping modality values to an output range [yMin, yMax].
public struct VOIWindow: Sendable, Equatable {
    public var center: Double
    public var width: Double
    public var function: VOIFunction

    public init(center: Double, width: Double, function: VOIFunction = .linear) {
        self.center = center
        self.width = width
        self.function = function
    }

    public init(_ setting: WindowSetting, function: VOIFunction) {
        self.init(center: setting.center, width: setting.width, function: function)
    }

    /// The standard's formulas verbatim. Widths the standard forbids (LINEAR < 1,
    /// others ≤ 0) are clamped to the smallest legal width rather than rejected:
    /// the reader must still see the image.
    public func apply(_ x: Double, yMin: Double = 0, yMax: Double = 255) -> Double {
        let range = yMax - yMin
        switch function {
        case .linear:
            let w = Swift.max(width, 1)
            let c = center
            if x <= c - 0.5 - (w - 1) / 2 { return yMin }
            if x > c - 0.5 + (w - 1) / 2 { return yMax }
            if w == 1 { return yMax }
            return ((x - (c - 0.5)) / (w - 1) + 0.5) * range + yMin
        case .linearExact:
            let w = Swift.max(width, .leastNormalMagnitude)
            if x <= center - w / 2 { return yMin }
            if x > center + w / 2 { return yMax }
            return ((x - center) / w + 0.5) * range + yMin
        case .sigmoid:
            let w = Swift.max(width, .leastNormalMagnitude)
            return range / (1 + exp(-4 * (x - center) / w)) + yMin
        }
    }

    /// For LINEAR (w > 1) and LINEAR_EXACT the standard's piecewise function equals
    /// clamp(a·x + b, 0, 255): the ramp reaches exactly 0 and 255 at its thresholds.
    /// Lets large images be windowed without branches; nil for SIGMOID and threshold windows.
    public var linearCoefficients: (a: Double, b: Double)? {
        switch function {
        case .linear:
            guard width > 1 else { return nil }
            return (255 / (width - 1), (0.5 - (center - 0.5) / (width - 1)) * 255)
        case .linearExact:
            guard width > 0 else { return nil }
            return (255 / width, (0.5 - center / width) * 255)
        case .sigmoid:
            return nil
        }
    }

    /// 8-bit display level, rounded to nearest.
    @inline(__always) public func level(_ x: Double) -> UInt8 {
        let y = apply(x).rounded()
        return UInt8(Swift.min(255, Swift.max(0, y)))
    }

    /// A window covering [min, max] of the modality values, for images that carry none.
    public static func covering(min: Double, max: Double) -> VOIWindow {
        let width = Swift.max(max - min, 1)
        return VOIWindow(center: (min + max) / 2, width: width, function: .linearExact)
    }
}
