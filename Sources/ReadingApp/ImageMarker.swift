/// A point the AI located on an image (a spine level's disc centre), in source
/// pixels; the image pane marks it with a tick and its label (`m` toggles).
public struct ImageMarker: Sendable, Equatable {
    public var label: String
    public var x: Double
    public var y: Double

    public init(label: String, x: Double, y: Double) { self.label = label; self.x = x; self.y = y }
}
