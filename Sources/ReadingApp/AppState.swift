import Common
import ReaderStudy
import TerminalUI

/// Everything the screens show, as one value. Only `AppReducer` changes it.
public struct AppState: Sendable, Equatable {
    public enum Screen: Sendable, Equatable { case queue, study }

    public var reader: String
    /// The session's one blinding gate: every view asks it (`mayShow`).
    public var blinding: BlindingGate
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
    /// Trainee practice: feedback after each sign and the running scoreboard; nil otherwise.
    public var practice: PracticeState?

    public init(reader: String, blinding: BlindingGate = .clinical, libraryName: String) {
        self.reader = reader; self.blinding = blinding; self.libraryName = libraryName
    }

    /// Where the read of a case stands: the open study's pass, or signed.
    public func phase(of studyId: String) -> ReadPhase {
        if rows.first(where: { $0.id == studyId })?.status == .signed { return .signed }
        if let s = study, s.study.id == studyId { return .reading(s.pass) }
        return .reading(.first)
    }

    /// The blinding gate's answer for this reader, this case and where its read stands.
    public func mayShow(_ content: ScreenContent, study studyId: String) -> Bool {
        blinding.mayShow(content, study: studyId, phase: phase(of: studyId), viewer: reader)
    }

    public func showsAI(for studyId: String) -> Bool { mayShow(.aiFindings, study: studyId) }

    public var filter = QueueFilter()
    public var sort = QueueSort.queue
    /// Run the models on every queued study in the background so flags fill in before opening.
    public var prefetchFlags = false
    /// The confidence prompt's scale: 1–5 unless the experiment asks for 0–100.
    public var ratingScale = RatingScale.callWithConfidence
    /// The key bindings in force (built-in, or rebound by keys.toml).
    public var keys = KeyBindings()

    public func showsQueueFlag(for studyId: String) -> Bool { mayShow(.queueFlags, study: studyId) }
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
