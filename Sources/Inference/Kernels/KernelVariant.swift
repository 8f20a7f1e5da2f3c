import CKernels

/// The SIMD variants of Lightbox's own kernels (Sources/CKernels). Every
/// variant computes each output element as one chain of fused multiply-adds in
/// the same order, so they agree bit for bit: a finding never depends on the
/// CPU under the desk, and tests compare every variant this CPU can run against
/// each other and against the reference kernels.
public enum KernelVariant: String, Sendable, CaseIterable, Codable {
    /// Portable C vectors (16 lanes); slow where the CPU lacks FMA, but exact.
    case generic
    /// AVX2 with FMA, 8 lanes.
    case avx2
    /// AVX-512F, 16 lanes.
    case avx512

    var code: Int32 {
        switch self {
        case .generic: Int32(LB_VARIANT_GENERIC)
        case .avx2: Int32(LB_VARIANT_AVX2)
        case .avx512: Int32(LB_VARIANT_AVX512)
        }
    }

    /// Whether this CPU can execute the variant.
    public var isRunnable: Bool { lb_variant_runnable(code) != 0 }

    /// Every variant this CPU can run, widest last.
    public static var runnable: [KernelVariant] { allCases.filter(\.isRunnable) }

    /// The fastest variant this CPU runs.
    public static var best: KernelVariant {
        if KernelVariant.avx512.isRunnable { return .avx512 }
        if KernelVariant.avx2.isRunnable { return .avx2 }
        return .generic
    }

    /// The variant chosen for this process: `LIGHTBOX_KERNEL_VARIANT` when set
    /// (tests and support use it to pin one), otherwise the best this CPU runs.
    public static func selected(environment value: String?) throws -> KernelVariant {
        guard let value, !value.isEmpty, value != "auto" else { return best }
        guard let v = KernelVariant(rawValue: value) else {
            throw InferenceError.kernelVariant(name: value, reason: "unknown kernel variant; use one of auto, " + allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard v.isRunnable else { throw InferenceError.kernelVariant(name: value, reason: "this CPU cannot run it (runnable: \(runnable.map(\.rawValue).joined(separator: ", ")))") }
        return v
    }

    /// The environment variable that pins a variant.
    public static let environmentVariable = "LIGHTBOX_KERNEL_VARIANT"
}
