/// A rectangle of cells. Layout splits rectangles; it never draws.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// Splits off `count` rows at the top; returns (top, rest).
    public func takeTop(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: c), Rect(x: x, y: y + c, width: width, height: height - c))
    }

    /// Splits off `count` rows at the bottom; returns (rest, bottom).
    public func takeBottom(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: height - c), Rect(x: x, y: maxY - c, width: width, height: c))
    }

    /// Splits off `count` columns on the right; returns (rest, right).
    public func takeRight(_ count: Int) -> (Rect, Rect) {
        let c = min(max(0, count), width)
        return (Rect(x: x, y: y, width: width - c, height: height), Rect(x: maxX - c, y: y, width: c, height: height))
    }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
