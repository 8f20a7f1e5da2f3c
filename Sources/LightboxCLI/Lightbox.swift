import ArgumentParser
import Common
import Foundation
import Inference

@main
struct Lightbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lightbox",
        abstract: "A terminal reading room for musculoskeletal radiology.",
        discussion: """
        With no command, opens the reading room (`lightbox read`). AI findings come from models \
        trained on phantoms — not for clinical use.
        """,
        version: LightboxVersion.current,
        subcommands: [
            ReadCommand.self,
            StudiesCommand.self,
            DoctorCommand.self,
            VerifyCommand.self,
            AnalyzeCommand.self,
            PowerCommand.self,
            ExperimentCommand.self,
            ExportCommand.self,
            AuditCommand.self,
            SimulateCommand.self,
            PracticeCommand.self,
            ImageCommand.self,
            DicomCommand.self,
            ImageImportCommand.self,
            OnnxCommand.self,
            ViewCommand.self,
            ModelsCommand.self,
            InferCommand.self,
            PhantomCommand.self,
            BenchReadingCommand.self,
        ],
        defaultSubcommand: ReadCommand.self
    )

    /// Debian's OpenBLAS may not recognise this CPU and fall back to a generic
    /// kernel; the kernel is chosen when the library loads, so the only fix is
    /// to re-execute with OPENBLAS_CORETYPE set (Docs/ENGINE.md). Done first,
    /// before any terminal or file is touched.
    static func main() {
        BLASCoreSelection.reexecIfGenericKernel()
        do {
            _ = try reportingErrors { try KernelSelection.process.get() }
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            // A mistyped option is an error like any other: one line, exit 2 (README), not
            // swift-argument-parser's multi-line usage block with exit 64. Help and version still print.
            if exitCode(for: error) == .validationFailure, let line = UsageErrorLine.text(fullMessage(for: error)) {
                FileHandle.standardError.write(Data(("lightbox: " + line + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
