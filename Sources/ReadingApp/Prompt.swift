/// A small modal question on the study screen. While a prompt is open, keys
/// go to it: digits included, so view tabs do not steal them.
public enum Prompt: Sendable, Equatable {
    /// Choose the reader's value among the finding's labels.
    case choose(finding: Int, options: [String], selected: Int)
    /// Type a value (bone age in months, or years such as "10y6m").
    case type(finding: Int, text: String)
    /// Optional reason for an override; Enter with nothing skips.
    case reason(finding: Int, text: String)
    /// Queue search text (`/`).
    case search(text: String)
    /// Confidence on the experiment's scale (1–5, or 0–100).
    case confidence(text: String)
}
