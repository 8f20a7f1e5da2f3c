import Common
import ReaderStudy
import TerminalUI
import Worklist

/// The study being read: its findings, the reader's decisions and the image.
public struct OpenStudy: Sendable, Equatable {
    public var row: Int
    public var study: Study
    /// Ledger id of this read; nil until the ledger has opened it.
    public var readId: Int64?
    public var specs: [FindingSpec]
    public var decisions: [FindingDecision]
    public var focus: Int = 0
    public var confidence: Int?
    public var imageIndex: Int = 0
    /// The last image rendered for the pane; it stays on screen until a newer one arrives.
    public var rendered: RenderedImage?
    public var imageError: String?
    public var view = ImageViewSettings()
    /// The AI's heat map over the image (`h`); only ever drawn when the AI is shown.
    public var showHeatMap = false
    /// The AI's located points on the image (spine levels); on unless the reader hides them (`m`).
    public var showMarkers = true
    /// Increases with every render asked for, so late renders are dropped.
    public var renderGeneration = 0
    public var ai: AIState
    public var paused = false
    /// Which read of the case: the sequential arm's second read follows the signed, locked first.
    public var pass: ReadPass = .first
    /// The signed first read while the second is made (sequential arm); never edited.
    public var firstPass: [FindingDecision]?
    /// `S` was pressed with findings pending or no confidence: the next `S` signs as is.
    public var signConfirming = false
    /// `S` in an experiment opened the confidence prompt: entering it goes on signing.
    public var signAfterConfidence = false

    public init(row: Int, study: Study, showAI: Bool) {
        self.row = row
        self.study = study
        specs = FindingCatalog.specs(for: study.kind)
        decisions = specs.map { FindingDecision(finding: $0.key, aiValue: nil) }
        ai = showAI ? .running : .hidden
    }

    public var pendingCount: Int { decisions.filter { $0.state == .pending }.count }
}

extension OpenStudy {
    /// The pinned results on screen now: none while the arm hides the AI.
    var shownAIResults: [Int64] {
        if case .ready(let ai) = ai { return ai.pinned.map(\.id) }
        return []
    }
}
