/// How the reader is looking at the current image: window preset or a free
/// window, inversion, zoom and pan. Kept per study while it is open.
public struct ImageViewSettings: Sendable, Equatable, Hashable {
    public var preset: Int = 0
    /// A free window set with the adjustment keys; nil follows the preset.
    public var customWindow: WindowValues?
    public var invert = false
    /// 1 = the whole image fits the pane; 2 = twice as large, and so on.
    public var zoom: Double = 1
    /// Centre of the view, as a fraction of the image (0.5, 0.5 = centre).
    public var centerX: Double = 0.5
    public var centerY: Double = 0.5

    public init() {}

    public static let maxZoom: Double = 16
}

/// A VOI window in modality units.
public struct WindowValues: Sendable, Equatable, Hashable {
    public var center: Double
    public var width: Double
    public init(center: Double, width: Double) { self.center = center; self.width = max(1, width) }
}
