import ArgumentParser
import Findings
import Foundation
import Ledger
import ReadingApp
import TerminalUI

/// `lightbox doctor`: what this machine and terminal give Lightbox.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report the terminal's capabilities, the CPU and BLAS kernel, and where data lives.")

    @Flag(help: "Also check the inference kernels against the reference kernels on this CPU (exit 1 if they disagree).")
    var kernels = false

    func run() throws {
        let env = DataPaths.environment
        print("Lightbox \(Lightbox.configuration.version)")
        print("")
        print("Terminal")
        print("  TERM               \(env["TERM"] ?? "(unset)")")
        print("  COLORTERM          \(env["COLORTERM"] ?? "(unset)")")
        let truecolor = ["truecolor", "24bit"].contains((env["COLORTERM"] ?? "").lowercased())
        print("  image drawing      half-blocks, \(truecolor ? "24-bit grey (256 levels)" : "256-colour grey ramp (24 levels) or fewer")")
        print("")
        print("CPU")
        print("  cores              \(ProcessInfo.processInfo.activeProcessorCount)")
        for line in EngineReport.lines() { print(line) }
        if kernels {
            let (lines, agree) = try reportingErrors { try EngineReport.kernelCheck() }
            for line in lines { print(line) }
            if !agree { throw ExitCode(1) }
        }
        print("")
        print("Paths")
        print("  ledger (default)   \(LedgerStore.defaultPath(environment: env))")
        print("  user themes        \(ThemeLoader.userDirectory(environment: env))")
        let keys = KeysFileLoader.path(environment: env)
        print("  key bindings       \(keys)\(FileManager.default.fileExists(atPath: keys) ? "" : " (absent: built-in keys)")")
        print("  built-in themes    \(Theme.builtinNames.joined(separator: ", "))")
        // Where `models list`, `infer` and the reading room look for model folders, in order.
        let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let modelDirs = ModelRegistry.searchPath(explicit: [], environment: env,
                                                 currentDirectory: FileManager.default.currentDirectoryPath,
                                                 executablePath: exe ?? CommandLine.arguments.first)
        for (i, dir) in modelDirs.enumerated() {
            let present = FileManager.default.fileExists(atPath: dir) ? "" : " (absent)"
            print((i == 0 ? "  models (in order) " : "                    ") + " \(dir)\(present)")
        }
    }
}
