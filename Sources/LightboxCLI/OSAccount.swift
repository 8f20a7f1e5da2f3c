import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The OS account that runs lightbox: the login name of the real uid, from
/// the password database. `$USER` and `$LOGNAME` are ignored: anyone can set
/// them, while the uid is given by the login itself.
enum OSAccount {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let name = TestSeam.account.value(in: environment) { return name }
        return loginName(uid: getuid())
    }

    /// The account name of `uid`, or `uid<N>` when the password database has
    /// no entry (a container started with a bare numeric uid).
    static func loginName(uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let rc = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard rc == 0, result != nil, let name = entry.pw_name, name.pointee != 0 else { return "uid\(uid)" }
        return String(cString: name)
    }
}
