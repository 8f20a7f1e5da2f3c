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
    /// Decodes and windows an image file for display.
    public var loadImage: @Sendable (String) throws -> GreyImage
    /// Runs the models that apply to a study; nil when none is installed.
    public var runModels: @Sendable (Study) throws -> AIResult?
    /// Whether slow work runs on a background queue (live) or inline (tests).
    public var background: Bool

    public init(reader: String, store: ReadStore, clock: ReadClock, appSession: String,
                loadImage: @escaping @Sendable (String) throws -> GreyImage,
                runModels: @escaping @Sendable (Study) throws -> AIResult?,
                background: Bool = true) {
        self.reader = reader; self.store = store; self.clock = clock; self.appSession = appSession
        self.loadImage = loadImage; self.runModels = runModels; self.background = background
    }
}
