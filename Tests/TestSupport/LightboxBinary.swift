import Foundation

/// The built `lightbox` executable for end-to-end tests: `$LIGHTBOX_BIN`
/// (set by `make test`), else `.build/debug/lightbox` in the package.
public enum LightboxBinary {
    public static var path: String? {
        if let p = ProcessInfo.processInfo.environment["LIGHTBOX_BIN"], FileManager.default.isExecutableFile(atPath: p) { return p }
        let p = SharedReference.packageRoot.appendingPathComponent(".build/debug/lightbox").path
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }

    /// The environment under which the debug binary runs as OS account
    /// `account` (its test seam LIGHTBOX_TEST_ACCOUNT; a release binary ignores
    /// it). Readers are bound to accounts, and the tests' readers (amy, bo, …)
    /// are no accounts of the test machine.
    public static func actingAs(_ account: String) -> [String: String] { ["LIGHTBOX_TEST_ACCOUNT": account] }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs the binary with arguments and waits for it.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        guard let path else { throw BinaryMissing() }
        return try Shell.run(path, arguments, environment: environment)
    }

    public struct BinaryMissing: Error, CustomStringConvertible {
        public var description: String { "lightbox binary not built: run `swift build` (make test does)" }
    }
}

/// Runs a program and collects its output. posix_spawn + waitpid rather than
/// Foundation's Process, whose exit notification can stall inside a test
/// runner's threads; output goes to files because a child that daemonises
/// (tmux's server) would keep pipes open forever.
public enum Shell {
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> LightboxBinary.Result {
        let tag = UUID().uuidString
        let outPath = NSTemporaryDirectory() + "lightbox-out-\(tag)", errPath = NSTemporaryDirectory() + "lightbox-err-\(tag)"
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv = [program] + arguments
        let envv = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let rc = withCStrings(argv) { a in
            withCStrings(envv) { e in posix_spawnp(&pid, program, &actions, nil, a, e) }
        }
        guard rc == 0 else { throw SpawnFailure(description: "cannot start \(program): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let o = FileManager.default.contents(atPath: outPath) ?? Data()
        let e = FileManager.default.contents(atPath: errPath) ?? Data()
        return .init(status: exitCode, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
