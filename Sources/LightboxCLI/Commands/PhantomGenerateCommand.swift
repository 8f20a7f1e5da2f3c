import ArgumentParser
import Common
import Dispatch
import Foundation
import Imaging
import Phantoms

/// `lightbox phantom generate`: writes study folders (study.json, images/*.png, reference.json)
/// in the library format. Each study is written into a hidden temporary folder and renamed
/// into place, so a library never holds a half-written study.
struct PhantomGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write N phantom studies of one kind into a library folder.",
        discussion: """
        The same --kind, --seed, --size and index always give byte-identical files. Study i of a batch \
        is named after its own derived seed, so batches from different seeds never collide.
        """)

    @Option(help: "hand, extremity or spine.")
    var kind: String

    @Option(help: "How many studies.")
    var count: Int

    @Option(help: "Batch seed (decimal, 64-bit).")
    var seed: UInt64

    @Option(help: "Library folder to write into (created when missing).")
    var out: String

    @Option(help: "Image size: full, half, quarter or eighth of the generator's native size.")
    var size: String = "full"

    @Option(help: "Studies generated in parallel.")
    var jobs: Int = 1

    func run() throws {
        try reportingErrors {
            guard let phantomKind = PhantomKind(rawValue: kind) else {
                throw CLIFileError(path: "--kind", problem: "'\(kind)' is not hand, extremity or spine")
            }
            guard count >= 0 else { throw CLIFileError(path: "--count", problem: "must be 0 or more, got \(count)") }
            guard jobs >= 1 else { throw CLIFileError(path: "--jobs", problem: "must be 1 or more, got \(jobs)") }
            let generator = try Self.generator(size: size)
            let fm = FileManager.default
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: out, isDirectory: &isDir) {
                guard isDir.boolValue else { throw CLIFileError(path: out, problem: "exists and is not a folder") }
            } else {
                do { try fm.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                    throw CLIFileError(path: out, problem: "cannot create the folder")
                }
            }
            let writer = PhantomStudyWriter(root: URL(fileURLWithPath: out))
            let seed = self.seed
            let failures = FailureBox()
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                var index = worker
                while index < count, !failures.hasFailed {
                    let study = generator.generate(kind: phantomKind, seed: seed, index: index)
                    do { try writer.write(study) } catch { failures.record(error) }
                    index += jobs
                }
            }
            if let error = failures.first { throw error }
            print("wrote \(count) \(phantomKind.rawValue) studies to \(out)")
        }
    }

    static func generator(size: String) throws -> PhantomGenerator {
        let factors = ["full": 1, "half": 2, "quarter": 4, "eighth": 8]
        guard let factor = factors[size] else {
            throw CLIFileError(path: "--size", problem: "'\(size)' is not full, half, quarter or eighth")
        }
        var g = PhantomGenerator()
        g.handSize = (g.handSize.width / factor, g.handSize.height / factor)
        g.extremitySize = (g.extremitySize.width / factor, g.extremitySize.height / factor)
        g.spineSize = max(96, g.spineSize / factor)
        return g
    }
}

/// First error from the parallel workers (the others stop at their next study).
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    var hasFailed: Bool { lock.withLock { error != nil } }
    var first: Error? { lock.withLock { error } }
    func record(_ e: Error) { lock.withLock { if error == nil { error = e } } }
}
