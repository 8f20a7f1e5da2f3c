import TerminalUI

/// What of the AI's text the findings panel shows: everything when it fits beside the
/// whole decision table; otherwise (spine at 80×24) the model line and the details of
/// the focused finding's level, so the decision table keeps most of its rows.
enum FindingsPanelLayout {
    /// The table never shrinks below this many rows (header included) for AI text.
    static let minTableRows = 6

    static func aiLines(_ result: AIResult, focusKey: String?, width: Int, innerHeight: Int,
                        decisions: Int) -> [(text: String, role: Role)] {
        func wrap(_ text: String, _ role: Role) -> [(text: String, role: Role)] {
            TextLayout.wrap(text, width).map { ($0, role) }
        }
        var head = wrap("AI: " + result.models.joined(separator: ", "), .aiValue)
        // Every model's own lines carry its disclaimer; add it only when they do not.
        if !result.details.contains(where: { $0.contains(AIResult.disclaimer) }) { head += wrap(AIResult.disclaimer, .banner) }
        let all = head + result.details.flatMap { wrap($0, .normal) }
        // Rows below the AI text: a blank line, the table (header + decisions) and the summary line.
        let free = innerHeight - 2
        let table = 1 + decisions
        if all.count + table <= free { return all }
        // Short of room: the lines that name the model and the focused finding's level.
        let level = focusKey.flatMap(Self.level(of:))
        let relevant = result.details.enumerated().filter { i, d in
            d.contains(AIResult.disclaimer) || i == 0 || level.map { d.contains($0) } == true
        }.map(\.element)
        let chosen = head + relevant.flatMap { wrap($0, .normal) }
        let budget = max(free - table, min(chosen.count, free - min(table, minTableRows)))
        return Array(chosen.prefix(max(0, budget)))
    }

    /// "spine.L4-L5.canalStenosis" → "L4-L5"; nil for findings without a level.
    static func level(of key: String) -> String? {
        let parts = key.split(separator: ".")
        return parts.count == 3 ? String(parts[1]) : nil
    }
}
