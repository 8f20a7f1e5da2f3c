import Common
import ReaderStudy
import TerminalUI
import Worklist

/// The live pieces effects use, injected so tests can replace each one.
public struct AppEnvironment {
    public var reader: String
    public var store: ReadStore
    public var clock: ReadClock
    /// One id per run of the program: timing never spans two runs (a quit or crash).
    public var appSession: String
    /// Decodes, crops, resamples and windows an image for the pane.
    public var renderImage: @Sendable (RenderRequest) throws -> RenderedImage
    /// Runs the models that apply to a study; nil when none is installed.
    public var runModels: @Sendable (Study) throws -> AIResult?
    /// Whether slow work runs on a background queue (live) or inline (tests).
    public var background: Bool
    /// Practice mode's reference and timing, consulted only after a sign.
    public var feedback: FeedbackSource?

    public init(reader: String, store: ReadStore, clock: ReadClock, appSession: String,
                renderImage: @escaping @Sendable (RenderRequest) throws -> RenderedImage,
                runModels: @escaping @Sendable (Study) throws -> AIResult?,
                background: Bool = true) {
        self.reader = reader; self.store = store; self.clock = clock; self.appSession = appSession
        self.renderImage = renderImage; self.runModels = runModels; self.background = background
    }
}
