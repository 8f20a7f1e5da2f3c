import Glibc

/// The process-level side of BLAS kernel selection: reading the CPU's flags
/// and re-executing the program with `OPENBLAS_CORETYPE` set. The core type is
/// read when libopenblas loads, before `main`, so setting it in-process is too
/// late; a re-exec is the only way to change it. This file and
/// `BLASDiagnostics.current()` are the module's only OS access, kept here so
/// the CLI entry can call them first thing.
public enum BLASCoreSelection {
    /// Set in the re-executed process so the choice happens once, and by users to opt out ("0").
    public static let guardVariable = "LIGHTBOX_BLAS_REEXEC"

    /// What happened, for `lightbox doctor` and logs.
    public enum Outcome: Sendable, Equatable {
        case kept(core: String)
        case userChoice(coreType: String)
        case reexecFailed(coreType: String)
    }

    /// What to do, from the environment, the library's kernel and the CPU flags (pure).
    public enum Decision: Sendable, Equatable {
        case keep
        case respectUser(String)
        case reexec(coreType: String)
    }

    public static func decide(environment: [String: String], currentCore: String, cpuFlags: Set<String>) -> Decision {
        if let chosen = environment["OPENBLAS_CORETYPE"] { return .respectUser(chosen) }
        if environment[guardVariable] != nil { return .keep }
        guard let target = BLASCoreAdvice.recommendedCoreType(currentCore: currentCore, cpuFlags: cpuFlags) else { return .keep }
        return .reexec(coreType: target)
    }

    /// Call first thing in `main`. When OpenBLAS chose a generic kernel on a CPU
    /// with AVX2/AVX-512 and neither `OPENBLAS_CORETYPE` nor the guard variable is
    /// set, re-executes this program with the better kernel (never returns then).
    @discardableResult
    public static func reexecIfGenericKernel(arguments: [String] = CommandLine.arguments,
                                             currentCore: String = BLAS.coreName) -> Outcome {
        var env: [String: String] = [:]
        for name in ["OPENBLAS_CORETYPE", guardVariable] { env[name] = environment(name) }
        switch decide(environment: env, currentCore: currentCore, cpuFlags: cpuFlags()) {
        case .keep: return .kept(core: currentCore)
        case .respectUser(let chosen): return .userChoice(coreType: chosen)
        case .reexec(let target):
            setenv("OPENBLAS_CORETYPE", target, 1)
            setenv(guardVariable, "1", 1)
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            execv("/proc/self/exe", &argv)
            // Only reached when exec failed: carry on with the library's kernel.
            unsetenv("OPENBLAS_CORETYPE")
            return .reexecFailed(coreType: target)
        }
    }

    static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }

    /// Flags of the first CPU in /proc/cpuinfo (empty when unreadable).
    public static func cpuFlags() -> Set<String> {
        BLASCoreAdvice.flags(fromCPUInfo: readFile("/proc/cpuinfo") ?? "")
    }

    static func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
