import Common
import ReaderStudy
import TerminalUI

/// Everything the screens show, as one value. Only `AppReducer` changes it.
public struct AppState: Sendable, Equatable {
    public enum Screen: Sendable, Equatable { case queue, study }

    public var reader: String
    public var mode: ScreenRules
    public var rows: [QueueRow] = []
    public var selected = 0
    public var screen: Screen = .queue
    public var study: OpenStudy?
    public var prompt: Prompt?
    public var showHelp = false
    public var message: String?
    public var messageIsError = false
    public var libraryName: String
    public var finished = false
    /// The terminal's size; the reducer sizes image renders for its pane.
    public var terminalSize = Size(width: 80, height: 24)
    /// How images reach the screen (resolved at start: never `auto`).
    public var graphics: GraphicsMode = .halfblock
    /// A cell's size in screen pixels (from the terminal, else a common 8×16).
    public var cellPixels = Size(width: 8, height: 16)
    /// `lightbox view`: the image pane alone, no findings, nothing recorded.
    public var viewer = false
    /// In an experiment, whether each study's assigned arm shows the AI (and its label);
    /// studies not listed follow `mode.showAI`.
    public var aiVisibility: [String: Bool] = [:]
    public var armLabels: [String: String] = [:]
    /// Studies whose arm asks for a second, AI-revealed read after the first is signed (sequential).
    public var secondPass: Set<String> = []
    /// Trainee practice: feedback after each sign and the running scoreboard; nil otherwise.
    public var practice: PracticeState?

    public func showsAI(for studyId: String) -> Bool { aiVisibility[studyId] ?? mode.showAI }

    public init(reader: String, mode: ScreenRules = .clinical, libraryName: String) {
        self.reader = reader; self.mode = mode; self.libraryName = libraryName
    }

    public var filter = QueueFilter()
    public var sort = QueueSort.queue
    /// In an experiment, whether each study's arm allows AI flags in the queue
    /// (`ArmPolicy.showQueueFlags`); studies not listed follow `mode.showAI`.
    public var queueFlagVisibility: [String: Bool] = [:]
    /// Run the models on every queued study in the background so flags fill in before opening.
    public var prefetchFlags = false
    /// The confidence prompt's scale: 1–5 unless the experiment asks for 0–100.
    public var ratingScale = RatingScale.callWithConfidence
    /// The key bindings in force (built-in, or rebound by keys.toml).
    public var keys = KeyBindings()

    public func showsQueueFlag(for studyId: String) -> Bool { queueFlagVisibility[studyId] ?? mode.showAI }
    /// A row's flag where it may be shown, else nil.
    public func queueFlag(row: Int) -> AIFlag? {
        rows[row].study.flatMap { showsQueueFlag(for: $0.id) ? rows[row].aiFlag : nil }
    }
    /// Whether the queue has an AI column at all (not in an all-unaided session).
    public var showsQueueFlags: Bool { rows.contains { $0.study.map { showsQueueFlag(for: $0.id) } ?? false } }

    /// Indices of the rows the filter lets through, in the chosen order.
    public var visibleRows: [Int] {
        sort.order(rows.indices.filter { filter.matches(rows[$0]) }, rows: rows, flag: queueFlag(row:))
    }

    public var signedCount: Int { rows.filter { $0.status == .signed }.count }
    public var readableCount: Int { rows.filter { !$0.isBroken }.count }
}
