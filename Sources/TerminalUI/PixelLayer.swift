/// An image the backend draws with terminal graphics (sixel or kitty) over a
/// rectangle of blank cells, instead of as half-block cells.
public struct PixelLayer: Equatable, Sendable {
    public var image: GreyImage
    public var rect: Rect

    public init(image: GreyImage, rect: Rect) { self.image = image; self.rect = rect }
}
