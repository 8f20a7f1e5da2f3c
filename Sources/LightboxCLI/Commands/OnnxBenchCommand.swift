import ArgumentParser
import Common
import Foundation
import Inference

/// `lightbox onnx bench MODEL [--threads N] [--runs N] [--profile]`.
struct OnnxBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time one inference (median and p90 after warm-up), GFLOP/s, peak memory, BLAS core."
    )

    @Argument(help: "The .onnx model.")
    var model: String

    @Option(name: .customLong("input"), help: "NAME=FILE or FILE (.pb or .npy); default: seeded random input of the model's declared shape (batch 1).")
    var inputs: [String] = []

    @Option(help: "Kernel variant: auto, generic, avx2 or avx512 (default: $LIGHTBOX_KERNEL_VARIANT, else auto).")
    var variant: String? = nil

    @Option(help: "Threads (BLAS and the engine's own loops).")
    var threads = 1

    @Option(help: "Timed runs after warm-up.")
    var runs = 10

    @Flag(help: "Add time per operator type.")
    var profile = false

    @Flag(help: "Use Winograd F(2x2,3x3) for eligible 3x3 convolutions (off by default: measured slower here).")
    var winograd = false

    @Flag(help: "Use im2col for stride-1 convolutions instead of shifted GEMMs, to compare.")
    var im2col = false

    func run() throws {
        try reportingErrors {
            let graph = try OnnxFiles.loadGraph(model)
            var feeds = try OnnxFiles.feeds(inputs, graph: graph)
            var rng = SplitMix64(seed: 42)
            for input in graph.inputs where feeds[input.name] == nil {
                guard let dims = input.dims else { throw CLIFileError(path: model, problem: "input \(input.name) has no declared shape; give --input") }
                let shape = dims.enumerated().map { $0.element ?? ($0.offset == 0 ? 1 : 1) }
                feeds[input.name] = Tensor(shape: shape, floats: (0..<shape.reduce(1, *)).map { _ in rng.nextFloat() })
            }
            let session = try Session(graph: consume graph, inputs: feeds, options: .init(threads: threads, winograd: winograd, shiftedConvolutions: !im2col, variant: try KernelSelection.variant(named: variant)))
            _ = try session.run(feeds)
            var times: [Double] = []
            var perOp: [String: Double] = [:]
            let cpu0 = ProcessMemory.cpuSeconds
            for _ in 0..<max(runs, 1) {
                let t0 = Date()
                if profile {
                    _ = try withUnsafeMutablePointer(to: &perOp) { try session.run(feeds, profile: $0) }
                } else {
                    _ = try session.run(feeds)
                }
                times.append(Date().timeIntervalSince(t0) * 1000)
            }
            let cpuPerRun = (ProcessMemory.cpuSeconds - cpu0) * 1000 / Double(times.count)
            times.sort()
            let median = times[times.count / 2]
            let p90 = times[min(times.count - 1, Int((Double(times.count) * 0.9).rounded(.up)) - 1)]
            let flops = session.bound.flops
            print("model \(model)")
            print("threads \(threads)  runs \(times.count)  blas_core \(BLAS.coreName)")
            print(String(format: "median_ms %.3f  p90_ms %.3f  gflops %.2f  cpu_ms_per_run %.1f", median, p90, Double(flops) / (median / 1000) / 1e9, cpuPerRun))
            print("arena_mb \(String(format: "%.1f", Double(session.plan.arenaSize * 4) / 1e6))  peak_rss_mb \(String(format: "%.1f", Double(ProcessMemory.peakKilobytes) / 1024))")
            if profile {
                let total = perOp.values.reduce(0, +)
                for (op, t) in perOp.sorted(by: { $0.value > $1.value }) {
                    print(String(format: "  %-28@ %9.3f ms/run %5.1f%%", op as NSString, t * 1000 / Double(times.count), 100 * t / max(total, 1e-12)))
                }
            }
        }
    }
}

/// Reproducible benchmark inputs in [0, 1).
extension SplitMix64 {
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}

/// Peak resident memory of this process (VmHWM from /proc/self/status) and CPU time used.
enum ProcessMemory {
    /// User + system CPU seconds of the whole process (all threads).
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static var peakKilobytes: Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
