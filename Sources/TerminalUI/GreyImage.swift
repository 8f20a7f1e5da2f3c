/// An 8-bit grey picture ready for the screen (already windowed and resampled
/// by Imaging). TerminalUI only knows how to put such pixels into cells.
public struct GreyImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "GreyImage pixel count must be width × height")
        self.width = width; self.height = height; self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}
