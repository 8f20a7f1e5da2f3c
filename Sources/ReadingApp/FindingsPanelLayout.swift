import TerminalUI

/// What of the AI's text the findings panel shows: everything when it fits beside the
/// whole decision table; otherwise (spine on small terminals) the model lines, the focused
/// finding's level and whichever other levels fit whole, so the decision table keeps its rows.
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
        // Short of room: the model lines and the focused finding's level first, then other
        // levels whole while they fit beside the table, in their own order.
        let level = focusKey.flatMap(Self.level(of:))
        let wrapped = result.details.map { wrap($0, .normal) }
        let essential = result.details.indices.filter { i in
            i == 0 || result.details[i].contains(AIResult.disclaimer) || level.map { result.details[i].contains($0) } == true
        }
        let essentialCount = head.count + essential.reduce(0) { $0 + wrapped[$1].count }
        let budget = max(free - table, min(essentialCount, free - min(table, minTableRows)))
        var chosen = Set(essential)
        var used = essentialCount
        for i in result.details.indices where !chosen.contains(i) && used + wrapped[i].count <= budget {
            chosen.insert(i)
            used += wrapped[i].count
        }
        let lines = head + result.details.indices.filter(chosen.contains).flatMap { wrapped[$0] }
        return Array(lines.prefix(max(0, budget)))
    }

    /// "spine.L4-L5.canalStenosis" → "L4-L5"; nil for findings without a level.
    static func level(of key: String) -> String? {
        let parts = key.split(separator: ".")
        return parts.count == 3 ? String(parts[1]) : nil
    }
}
