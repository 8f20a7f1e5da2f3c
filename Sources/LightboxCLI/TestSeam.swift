import Foundation

/// The environment variables that let end-to-end tests move "now" or act as
/// another OS account. Only the debug build (the one `make test` runs)
/// honours them; a release build ignores them and says so, so nobody can
/// open a session before its washout or read as someone else by setting a
/// variable on the installed binary. This is the only `#if DEBUG` of the CLI.
enum TestSeam: String, CaseIterable {
    /// An ISO 8601 time used as the study clock's "now".
    case now = "LIGHTBOX_NOW"
    /// The login name used instead of the real uid's account.
    case account = "LIGHTBOX_TEST_ACCOUNT"

    var variable: String { rawValue }

    /// What the release build does instead, for its warning.
    private var releaseBehaviour: String {
        switch self {
        case .now: return "a release build always uses the system clock"
        case .account: return "a release build reads as the OS account that runs it"
        }
    }

    static var isHonoured: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }

    /// The variable's value when this build honours it; in a release build nil,
    /// after a warning line on stderr if the variable is set.
    func value(in environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        if Self.isHonoured { return text }
        FileHandle.standardError.write(Data("lightbox: warning: \(variable) is ignored: \(releaseBehaviour)\n".utf8))
        return nil
    }
}
