import Imaging
import TerminalUI

/// Turns an image file into the grey picture the reading screen draws.
enum ImagePreparation {
    /// Long side kept for the screen: far more than any terminal pane shows in
    /// half-blocks, and it keeps a 2k×2.5k radiograph's copy small.
    static let maxSide = 1024

    @Sendable static func load(_ path: String) throws -> GreyImage {
        let buffer = try ImageLoader.load(path: path)
        var display = try buffer.display()
        let longest = max(display.width, display.height)
        if longest > maxSide {
            let scale = Double(maxSide) / Double(longest)
            display = display.resampled(width: max(1, Int(Double(display.width) * scale)),
                                        height: max(1, Int(Double(display.height) * scale)))
        }
        return display.grey
    }
}
