/// Every module's error type conforms, so that one translator (`UserMessage`)
/// can turn any error into the single line a reader or coordinator sees.
/// `coordinates` names where the problem is (file, field, tag, node, offset);
/// `problem` says what is wrong. Neither may contain patient identifiers.
public protocol UserFacingError: Error {
    var coordinates: String { get }
    var problem: String { get }
}
