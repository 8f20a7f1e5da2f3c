import Foundation

/// Where Lightbox keeps its data when the user does not say.
enum DataPaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The reader id outside an experiment: the login name of the OS account
    /// (never `$USER`, which anyone can set).
    static func defaultReader() -> String {
        OSAccount.current(environment: environment)
    }
}
