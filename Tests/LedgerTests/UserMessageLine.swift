import Common

enum UserMessageLine {
    static func of(_ error: any Error) -> String { UserMessage.text(for: error) }
}
