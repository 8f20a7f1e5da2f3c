import Foundation
import TestSupport
import Testing
@testable import Inference

/// OpenBLAS fixes its kernel (core type) when it loads, so each one is checked
/// in a child process: `lightbox doctor --kernels` under every core type this
/// CPU can run, and under every kernel variant of the engine's own. A path that
/// is green on one machine and wrong on another shows here on either.
@Suite struct KernelCoreTypeTests {
    static let flags = BLASCoreSelection.cpuFlags()
    static let avx2 = flags.contains("avx2") && flags.contains("fma")
    static let avx512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(flags.contains)

    /// At least two AVX2-class types on any AVX2 machine, plus SkylakeX on AVX-512 ones.
    static var coreTypes: [String] {
        ["Prescott", "Sandybridge"] + (avx2 ? ["Haswell", "Zen"] : []) + (avx512 ? ["SkylakeX"] : [])
    }

    @Test(arguments: coreTypes)
    func everyBLASCoreTypeAgreesWithTheReference(coreType: String) throws {
        let r = try LightboxBinary.run(["doctor", "--kernels"], environment: ["OPENBLAS_CORETYPE": coreType])
        #expect(r.status == 0, "\(coreType): \(r.stdout)\(r.stderr)")
        #expect(r.stdout.lowercased().contains("blas core: \(coreType.lowercased())"), "OpenBLAS did not load \(coreType): \(r.stdout)")
        #expect(r.stdout.contains("32 of 32 graphs agree"), "\(r.stdout)")
        print("kernel check ran with OPENBLAS_CORETYPE=\(coreType)")
    }

    @Test(arguments: KernelVariant.runnable)
    func everyKernelVariantAgreesWithTheReference(variant: KernelVariant) throws {
        let r = try LightboxBinary.run(["doctor", "--kernels"], environment: [KernelVariant.environmentVariable: variant.rawValue])
        #expect(r.status == 0, "\(variant): \(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("32 of 32 graphs agree with the reference kernels (variant \(variant.rawValue),"), "\(r.stdout)")
        print("kernel check ran with \(KernelVariant.environmentVariable)=\(variant.rawValue)")
    }

    /// The case that failed on AMD EPYC: SqueezeNet with constant weights, whose
    /// logits (about 9.5e9) make any difference between identical channels a
    /// spike in the softmax.
    static let squeezenet = SharedReference.directory("onnx/light-testcases/test_squeezenet")

    @Test(.enabled(if: squeezenet != nil, "skipped: ../shared/reference/onnx/light-testcases is not present beside the package"),
          arguments: coreTypes)
    func squeezeNetPassesUnderEveryCoreType(coreType: String) throws {
        let r = try LightboxBinary.run(["onnx", "check", "--threads", "2", Self.squeezenet!.path], environment: ["OPENBLAS_CORETYPE": coreType])
        #expect(r.status == 0 && r.stdout.contains("1 passed, 0 failed"), "\(coreType): \(r.stdout)\(r.stderr)")
    }

    @Test func anUnknownVariantIsOneLine() throws {
        let r = try LightboxBinary.run(["doctor"], environment: [KernelVariant.environmentVariable: "avx9"])
        #expect(r.status == 2)
        #expect(r.stderr == "lightbox: kernel variant avx9: unknown kernel variant; use one of auto, generic, avx2, avx512\n", "\(r.stderr)")
    }
}
