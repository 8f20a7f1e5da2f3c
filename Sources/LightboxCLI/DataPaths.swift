import Foundation

/// Where Lightbox keeps its data when the user does not say.
enum DataPaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$XDG_DATA_HOME/lightbox/ledger.sqlite`, else `~/.local/share/lightbox/ledger.sqlite`.
    static func defaultDatabase() -> String {
        let env = environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/lightbox/ledger.sqlite"
    }

    static func defaultReader() -> String {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? ""
        return user.isEmpty ? "reader" : user
    }
}
