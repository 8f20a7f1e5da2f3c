import Foundation

/// swift-argument-parser's usage error ("Error: …", "Help: …", "Usage: …", "  See 'lightbox x --help' …")
/// folded to the one line every Lightbox error is: the problem, then where the help is.
enum UsageErrorLine {
    static func text(_ full: String) -> String? {
        let lines = full.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard var problem = lines.first(where: { !$0.isEmpty }) else { return nil }
        if problem.hasPrefix("Error: ") { problem.removeFirst("Error: ".count) }
        if let see = lines.first(where: { $0.hasPrefix("See '") }),
           let start = see.firstIndex(of: "'"), let end = see[see.index(after: start)...].firstIndex(of: "'") {
            problem += " (see `" + see[see.index(after: start)..<end] + "`)"
        }
        return problem
    }
}
