import TerminalUI

/// Keys → intents. The bindings are part of the product (README, help overlay,
/// tests rely on them): Tab next finding, a accept, o override, S sign, Esc back.
public enum KeyMap {
    public static func action(for event: InputEvent, in state: AppState) -> AppAction? {
        if case .resize(let size) = event { return .resized(size) }
        guard case .key(let key) = event else { return nil }
        if let stage = state.practice?.stage, stage != .reading { return PracticeFlow.action(for: key, stage: stage, keys: state.keys) }
        if state.prompt != nil {
            switch key {
            case .escape: return .promptCancel
            case .enter: return .promptConfirm
            case .backspace, .delete: return .promptBackspace
            case .up: return .promptMove(-1)
            case .down: return .promptMove(1)
            case .char(let c): return .promptInput(c)
            default: return nil
            }
        }
        if state.showHelp {
            switch key {
            case .char("q"): return .quit
            default: return .toggleHelp
            }
        }
        // keys.toml: a rebound key arrives as its action's built-in key.
        guard let key = state.keys.translate(key, on: state.screen) else { return nil }
        switch state.screen {
        case .queue:
            switch key {
            case .up, .char("k"): return .moveSelection(-1)
            case .down, .char("j"): return .moveSelection(1)
            case .pageUp: return .moveSelection(-10)
            case .pageDown: return .moveSelection(10)
            case .home, .char("g"): return .moveSelection(-1_000_000)
            case .end, .char("G"): return .moveSelection(1_000_000)
            case .enter: return .openSelected
            case .char("/"): return .search
            case .char("f"): return .cycleKindFilter
            case .char("u"): return .cycleStatusFilter
            case .char("s"): return .cycleSort
            case .char("n"): return .openNextUnread
            case .char("?"): return .toggleHelp
            case .char("q"): return .quit
            default: return nil
            }
        case .study where state.viewer:
            switch key {
            case .escape, .char("q"): return .quit
            case .char("a"), .char("A"), .char("o"), .char("c"), .char("S"), .char("p"), .tab, .backTab: return nil
            default: break
            }
            fallthrough
        case .study:
            switch key {
            case .tab, .down, .char("j"): return .focusNext
            case .backTab, .up, .char("k"): return .focusPrevious
            case .char("a"): return .accept
            case .char("A"): return .acceptAll
            case .char("o"): return .override
            case .char("c"): return .askConfidence
            case .char("S"): return .sign
            case .char("p"): return .togglePause
            case .char("w"): return .cycleWindow(1)
            case .char("W"): return .cycleWindow(-1)
            case .char("<"): return .adjustWindow(widthFactor: 1 / 1.15, levelShift: 0)
            case .char(">"): return .adjustWindow(widthFactor: 1.15, levelShift: 0)
            case .char(","): return .adjustWindow(widthFactor: 1, levelShift: -0.05)
            case .char("."): return .adjustWindow(widthFactor: 1, levelShift: 0.05)
            case .char("+"), .char("="): return .zoom(1.5)
            case .char("-"): return .zoom(1 / 1.5)
            case .char("0"): return .fitImage
            case .char("H"): return .pan(dx: -0.1, dy: 0)
            case .char("L"): return .pan(dx: 0.1, dy: 0)
            case .char("K"): return .pan(dx: 0, dy: -0.1)
            case .char("J"): return .pan(dx: 0, dy: 0.1)
            case .char("i"): return .toggleInvert
            case .char("h"): return .toggleHeatMap
            case .char("m"): return .toggleMarkers
            case .right, .char("]"): return .nextImage
            case .left, .char("["): return .previousImage
            case .char(let c) where c.isNumber && c != "0": return .showImage((c.wholeNumberValue ?? 1) - 1)
            case .escape: return .back
            case .char("?"): return .toggleHelp
            case .char("q"): return .quit
            default: return nil
            }
        }
    }

    /// The help overlay and the README's key table are both made from this list.
    public static let help: [(keys: String, what: String)] = [
        ("↑ ↓  j k", "queue: move · study: previous / next finding"),
        ("Enter  n", "open the selected study · open the next unread"),
        ("/  f  u  s", "queue: search · filter kind / status · cycle sort order"),
        ("Tab  Shift-Tab", "next / previous finding"),
        ("a", "accept the AI value of the finding"),
        ("A", "accept every pending finding that has an AI value"),
        ("o", "override: choose or type your value, then a reason"),
        ("c", "confidence 1 (low)–5 (high), or 0–100 if the study asks"),
        ("1…9  [ ]  ← →", "show image n / previous / next"),
        ("w  W", "next / previous window preset (bone, soft tissue…)"),
        ("<  >  ,  .", "narrower / wider window · lower / higher level"),
        ("+  -  0  H J K L", "zoom in / out · fit · pan when zoomed"),
        ("i  h  m", "invert · AI heat map (fracture) · level markers (spine)"),
        ("p", "pause or resume the reading clock"),
        ("S", "sign, open the next unread (asks first if incomplete)"),
        ("Esc", "back to the queue (the draft is kept) · cancel a prompt"),
        ("?", "this help"),
        ("q", "quit (drafts are kept and resume on reopening)"),
    ]
}
