import TerminalUI

/// A terminal for program tests: plays scripted input and keeps every frame.
/// `nil` entries in the script are polls that time out (no key).
public final class ScriptedBackend: TerminalBackend {
    public var size: Size
    public private(set) var frames: [CellGrid] = []
    private var script: [InputEvent?]

    public init(size: Size, script: [InputEvent?]) {
        self.size = size; self.script = script
    }

    public func draw(_ grid: CellGrid) { frames.append(grid) }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !script.isEmpty else { return nil }
        let e = script.removeFirst()
        if case .resize(let s) = e { size = s }
        return e
    }

    public static func keys(_ s: String) -> [InputEvent?] { s.map { .key(.char($0)) } }
}
