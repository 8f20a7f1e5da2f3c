/// Where an image lands in a model's input (letterbox or stretch), and the way back.
/// Coordinates are continuous: pixel i covers [i, i + 1), so its centre is i + 0.5 and
/// (0, 0) is the top-left corner of the top-left pixel, in the image and in the input alike.
public struct InputGeometry: Sendable, Equatable {
    public var imageWidth: Int
    public var imageHeight: Int
    public var inputWidth: Int
    public var inputHeight: Int
    /// Size of the resampled image inside the input (the rest is padding).
    public var contentWidth: Int
    public var contentHeight: Int
    /// Top-left corner of the content in the input.
    public var offsetX: Int
    public var offsetY: Int

    public init(imageWidth: Int, imageHeight: Int, inputWidth: Int, inputHeight: Int, resize: ModelCard.Resize) {
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.inputWidth = inputWidth
        self.inputHeight = inputHeight
        switch resize {
        case .stretch:
            contentWidth = inputWidth
            contentHeight = inputHeight
            offsetX = 0
            offsetY = 0
        case .letterbox:
            // One scale for both axes, the content centred; odd padding goes right/bottom.
            let s = min(Double(inputWidth) / Double(imageWidth), Double(inputHeight) / Double(imageHeight))
            contentWidth = min(inputWidth, max(1, Int((Double(imageWidth) * s).rounded())))
            contentHeight = min(inputHeight, max(1, Int((Double(imageHeight) * s).rounded())))
            offsetX = (inputWidth - contentWidth) / 2
            offsetY = (inputHeight - contentHeight) / 2
        }
    }

    /// Input pixels per image pixel along x and y (equal for letterbox up to rounding).
    public var scaleX: Double { Double(contentWidth) / Double(imageWidth) }
    public var scaleY: Double { Double(contentHeight) / Double(imageHeight) }

    /// A point of the model input → the same point of the original image.
    public func imagePoint(inputX: Double, inputY: Double) -> (x: Double, y: Double) {
        ((inputX - Double(offsetX)) / scaleX, (inputY - Double(offsetY)) / scaleY)
    }

    /// A point of the original image → the model input.
    public func inputPoint(imageX: Double, imageY: Double) -> (x: Double, y: Double) {
        (imageX * scaleX + Double(offsetX), imageY * scaleY + Double(offsetY))
    }

    /// The rectangle of the original image a map covering the whole input spans
    /// (it reaches past the image where the input is padding).
    public var inputRectInImage: ImageRect {
        let a = imagePoint(inputX: 0, inputY: 0), b = imagePoint(inputX: Double(inputWidth), inputY: Double(inputHeight))
        return ImageRect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
    }
}

/// A rectangle in original image pixels (continuous coordinates).
public struct ImageRect: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}
