/// What the program loop needs from a terminal. The ncurses backend is the
/// real one; tests use a scripted backend that records frames.
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Shows a frame; the backend writes only what changed.
    func draw(_ grid: CellGrid)
    /// The next input, or nil after `timeoutMilliseconds` without any.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
}
