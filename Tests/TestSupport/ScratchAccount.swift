import Foundation

/// A throwaway OS account, made with `useradd` for one test and removed by
/// `remove()`, so a test can run lightbox as a second real login (root only).
public struct ScratchAccount {
    public let name: String
    public let uid: String
    public let gid: String

    /// Creating accounts needs root, which the CI has; elsewhere tests skip.
    public static var canCreate: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    public init() throws {
        name = "lbt" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        let made = try Shell.run("/usr/sbin/useradd", ["-M", "-N", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", name])
        guard made.status == 0 else { throw Shell.SpawnFailure(description: "useradd \(name) failed: \(made.stderr)") }
        uid = try Shell.run("id", ["-u", name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        gid = try Shell.run("id", ["-g", name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `setpriv` as this account (real and effective uid and gid, no
    /// supplementary groups), then `program`. The environment is kept, so a
    /// test can set `USER` to someone else's name and show it does not count.
    public var prefix: [String] { ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--"] }

    public func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> LightboxBinary.Result {
        try Shell.run(prefix[0], Array(prefix.dropFirst()) + [program] + arguments, environment: environment)
    }

    public func remove() {
        _ = try? Shell.run("/usr/sbin/userdel", [name])
    }

    /// The login name of the account running the tests (as lightbox finds it).
    public static var current: String {
        (try? Shell.run("id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
    }
}
