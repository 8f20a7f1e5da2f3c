/// A curve of a line plot in data coordinates, drawn in `color`.
public struct PlotSeries: Sendable, Equatable {
    public var label: String
    public var x: [Double]
    public var y: [Double]
    public var color: PlotColor
    public var thickness: Int

    public init(label: String, x: [Double], y: [Double], color: PlotColor, thickness: Int = 3) {
        precondition(x.count == y.count, "a series needs as many x as y values")
        self.label = label; self.x = x; self.y = y; self.color = color; self.thickness = thickness
    }
}
