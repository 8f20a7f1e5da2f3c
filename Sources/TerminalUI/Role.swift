/// What a piece of text means on screen; themes map each role to a style.
/// Raw values are theme-file keys.
public enum Role: String, CaseIterable, Sendable {
    case normal
    case muted
    case title
    case border
    case selection
    case header
    case statusBar
    case key
    case warning
    case error
    case success
    case pending
    case accepted
    case overridden
    case aiValue
    case readerValue
    case probabilityLow
    case probabilityMid
    case probabilityHigh
    case banner
    case prompt
}
