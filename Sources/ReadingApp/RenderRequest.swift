import TerminalUI

/// What the image renderer should produce: one image, windowed and sized for
/// the pane's pixel canvas. `generation` lets the reducer drop late results.
public struct RenderRequest: Sendable, Equatable {
    public var studyId: String
    public var index: Int
    public var path: String
    public var modality: String
    public var canvas: Size
    public var graphics: GraphicsMode
    public var cellPixels: Size
    public var settings: ImageViewSettings
    public var generation: Int
    /// Spacing (row, column mm) and window from study.json, used when the file carries none (PNG).
    public var seriesSpacing: [Double]? = nil
    public var seriesWindow: WindowValues? = nil
    /// A heat map to blend over the image (only when the AI may be shown).
    public var overlay: ImageOverlay? = nil

    public init(studyId: String, index: Int, path: String, modality: String, canvas: Size, graphics: GraphicsMode,
                cellPixels: Size, settings: ImageViewSettings, generation: Int) {
        self.studyId = studyId; self.index = index; self.path = path; self.modality = modality; self.canvas = canvas
        self.graphics = graphics; self.cellPixels = cellPixels; self.settings = settings; self.generation = generation
    }
}

/// The renderer's answer: pixels at the fitted size plus what the status shows.
public struct RenderedImage: Sendable, Equatable {
    public var image: GreyImage
    public var presetName: String
    public var window: WindowValues
    public var generation: Int
    /// The image with its overlay blended in, RGB (width × height × 3); nil without an overlay.
    public var rgb: [UInt8]? = nil
    /// The rows of the source image in view (zoom/pan crop), so markers find their place.
    public var sourceY = 0.0, sourceHeight = 0.0

    public init(image: GreyImage, presetName: String, window: WindowValues, generation: Int) {
        self.image = image; self.presetName = presetName; self.window = window; self.generation = generation
    }
}
