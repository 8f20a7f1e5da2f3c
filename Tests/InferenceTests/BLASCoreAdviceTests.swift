import Testing
@testable import Inference

@Suite struct BLASCoreAdviceTests {
    static let avx512: Set<String> = ["sse4_2", "avx", "fma", "avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]

    @Test func genericKernelOnAVX512CPUGetsSkylakeX() {
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Prescott", cpuFlags: Self.avx512) == "SkylakeX")
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Nehalem", cpuFlags: Self.avx512) == "SkylakeX")
    }

    @Test func genericKernelOnAVX2CPUGetsHaswell() {
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Core2", cpuFlags: ["avx", "avx2", "fma"]) == "Haswell")
    }

    @Test func fastKernelsAndOldCPUsAreLeftAlone() {
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Cooperlake", cpuFlags: Self.avx512) == nil)
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Haswell", cpuFlags: Self.avx512) == nil)
        #expect(BLASCoreAdvice.recommendedCoreType(currentCore: "Prescott", cpuFlags: ["sse4_2", "avx"]) == nil)
    }

    @Test func parsesCPUInfoFlags() {
        let text = "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu sse4_2 avx2 fma avx512f\nbugs\t\t: none\nflags\t\t: other\n"
        #expect(BLASCoreAdvice.flags(fromCPUInfo: text) == ["fpu", "sse4_2", "avx2", "fma", "avx512f"])
    }

    @Test func diagnosticsDescribeTheLoadedLibrary() {
        let d = BLASDiagnostics.current()
        #expect(!d.coreName.isEmpty && d.coreName != "unknown")
        #expect(d.config.contains("OpenBLAS"))
        #expect(d.lines.first?.hasPrefix("kernel variant: \(KernelSelection.variant.rawValue) (this CPU runs: ") == true)
        #expect(d.lines.contains { $0.hasPrefix("blas core: ") })
    }
}

@Suite struct BLASCoreSelectionTests {
    static let avx512: Set<String> = ["avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]

    @Test func reexecsOnlyWhenGenericAndUnset() {
        #expect(BLASCoreSelection.decide(environment: [:], currentCore: "Prescott", cpuFlags: Self.avx512) == .reexec(coreType: "SkylakeX"))
        #expect(BLASCoreSelection.decide(environment: [:], currentCore: "Cooperlake", cpuFlags: Self.avx512) == .keep)
    }

    @Test func respectsTheUserAndTheGuard() {
        #expect(BLASCoreSelection.decide(environment: ["OPENBLAS_CORETYPE": "Haswell"], currentCore: "Prescott", cpuFlags: Self.avx512) == .respectUser("Haswell"))
        #expect(BLASCoreSelection.decide(environment: ["LIGHTBOX_BLAS_REEXEC": "1"], currentCore: "Prescott", cpuFlags: Self.avx512) == .keep)
        #expect(BLASCoreSelection.decide(environment: ["LIGHTBOX_BLAS_REEXEC": "0"], currentCore: "Prescott", cpuFlags: Self.avx512) == .keep)
    }
}
