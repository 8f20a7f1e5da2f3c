import ReaderStudy
import TerminalUI
import TerminalUI
import Worklist

/// Everything that can happen to the app: keys mapped to intents, and results
/// of effects coming back.
public enum AppAction: Sendable, Equatable {
    // queue
    case libraryLoaded([LibraryEntry], statuses: [String: QueueStatus])
    case moveSelection(Int)
    case openSelected
    case search
    case cycleKindFilter, cycleStatusFilter
    case openNextUnread
    case cycleSort
    /// A background model run (prefetch) finished for a queued study.
    case aiFlagged(studyId: String, AIFlag?)
    // study
    case readOpened(studyId: String, readId: Int64, decisions: [FindingDecision], confidence: Int?)
    case resized(Size)
    case imageRendered(studyId: String, RenderedImage)
    case imageFailed(studyId: String, generation: Int, String)
    case cycleWindow(Int)
    /// Multiplies the window width and moves the level by a fraction of the width.
    case adjustWindow(widthFactor: Double, levelShift: Double)
    case zoom(Double)
    case pan(dx: Double, dy: Double)
    case fitImage
    case toggleInvert
    case toggleHeatMap
    case toggleMarkers
    case aiFinished(studyId: String, AIResult?)
    case aiFailed(studyId: String, String)
    case focusNext, focusPrevious
    case accept, acceptAll, override, askConfidence
    case showImage(Int), nextImage, previousImage
    case togglePause
    case sign
    case signed(studyId: String)
    /// The sequential arm's second read is open, starting from the signed first read.
    case secondPassOpened(studyId: String, readId: Int64, firstPass: [FindingDecision], decisions: [FindingDecision], confidence: Int?)
    // practice
    /// `models`: each model's header line ("name version (task) — trained on phantoms — not for clinical use").
    case practiceModelFinished(studyId: String, values: [String: String], models: [String] = [])
    case practiceScored(studyId: String, PracticeCase)
    case practiceScoringFailed(studyId: String, String)
    case continuePractice
    case back
    // prompts
    case promptInput(Character), promptBackspace, promptMove(Int), promptConfirm, promptCancel
    // app
    case toggleHelp
    case failed(String)
    case quit
}
