/// An 8-bit sRGB colour for the raster plots.
public struct PlotColor: Sendable, Equatable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    public static let white = PlotColor(255, 255, 255)
    public static let black = PlotColor(0, 0, 0)
    public static let grid = PlotColor(225, 225, 225)
    public static let axis = PlotColor(90, 90, 90)

    /// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    public static let series: [PlotColor] = [
        PlotColor(0, 114, 178), PlotColor(213, 94, 0), PlotColor(0, 158, 115),
        PlotColor(204, 121, 167), PlotColor(230, 159, 0), PlotColor(86, 180, 233),
    ]

    /// This colour mixed with white: `amount` 0 is the colour, 1 is white.
    public func lightened(_ amount: Double) -> PlotColor {
        func mix(_ c: UInt8) -> UInt8 { UInt8((Double(c) + (255 - Double(c)) * min(max(amount, 0), 1)).rounded()) }
        return PlotColor(mix(r), mix(g), mix(b))
    }
}
