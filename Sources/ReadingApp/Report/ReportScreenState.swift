import TerminalUI

/// The report screen's state: the model and where the reader has scrolled.
public struct ReportScreenState: Sendable, Equatable {
    public var model: ReportScreenModel
    /// First document row shown.
    public var scroll = 0
    /// Columns the text is shifted left (wide tables on narrow terminals).
    public var shift = 0
    public var finished = false
    public var size: Size

    public init(model: ReportScreenModel, size: Size) { self.model = model; self.size = size }
}

public enum ReportScreenAction: Sendable, Equatable {
    case scroll(Int)
    case page(Int)
    case top
    case bottom
    case shift(Int)
    case resized(Size)
    case quit
}

/// Reducer and key map of the report screen. Scroll positions are clamped
/// here against the laid-out document, so the view never sees one past the end.
public enum ReportScreen {
    public static func reduce(_ state: inout ReportScreenState, _ action: ReportScreenAction) -> [Never] {
        let layout = ReportScreenLayout(model: state.model, size: state.size)
        switch action {
        case .scroll(let n): state.scroll += n
        case .page(let n): state.scroll += n * max(layout.pageHeight - 1, 1)
        case .top: state.scroll = 0
        case .bottom: state.scroll = layout.maxScroll
        case .shift(let n): state.shift = max(0, min(state.shift + n, layout.maxShift))
        case .resized(let size): state.size = size
        case .quit: state.finished = true
        }
        let clamped = ReportScreenLayout(model: state.model, size: state.size)
        state.scroll = max(0, min(state.scroll, clamped.maxScroll))
        state.shift = max(0, min(state.shift, clamped.maxShift))
        return []
    }

    public static func action(for event: InputEvent) -> ReportScreenAction? {
        switch event {
        case .resize(let size): return .resized(size)
        case .key(let key):
            switch key {
            case .char("q"), .char("Q"), .escape: return .quit
            case .down, .char("j"), .enter: return .scroll(1)
            case .up, .char("k"): return .scroll(-1)
            case .pageDown, .char(" "), .char("f"): return .page(1)
            case .pageUp, .char("b"): return .page(-1)
            case .home, .char("g"): return .top
            case .end, .char("G"): return .bottom
            case .right, .char("l"): return .shift(8)
            case .left, .char("h"): return .shift(-8)
            default: return nil
            }
        }
    }

    public static func program(theme: Theme) -> Program<ReportScreenState, ReportScreenAction, Never> {
        Program(reduce: reduce, view: { ReportScreenView.render($0, size: $1, theme: theme) },
                actionForInput: { event, _ in action(for: event) }, isFinished: { $0.finished },
                perform: { _, _ in })
    }
}
