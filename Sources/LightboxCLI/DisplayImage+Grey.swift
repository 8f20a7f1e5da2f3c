import Imaging
import TerminalUI

extension DisplayImage {
    /// The same pixels as the terminal layer's image type.
    var grey: GreyImage { GreyImage(width: width, height: height, pixels: pixels) }
}
