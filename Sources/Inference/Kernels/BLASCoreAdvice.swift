/// Decides whether OpenBLAS's kernel choice wastes the CPU. Debian's OpenBLAS
/// 0.3.21 picks its kernel from CPUID when it loads; on CPUs newer than the
/// library (or under hypervisors that mask the model) it falls back to a
/// generic SSE kernel (Prescott, Nehalem, ...) several times slower. Pure:
/// the caller supplies the core name, CPU flags and environment.
public enum BLASCoreAdvice {
    /// Kernels that use AVX2/FMA or AVX-512: nothing to gain by overriding.
    public static let fastCores: Set<String> = ["haswell", "skylakex", "cooperlake", "sapphirerapids", "zen", "zen4"]

    /// The `OPENBLAS_CORETYPE` to run with, or nil to keep the library's choice.
    public static func recommendedCoreType(currentCore: String, cpuFlags: Set<String>) -> String? {
        if fastCores.contains(currentCore.lowercased()) { return nil }
        let avx512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(cpuFlags.contains)
        if avx512 { return "SkylakeX" }
        if cpuFlags.contains("avx2") && cpuFlags.contains("fma") { return "Haswell" }
        return nil
    }

    /// CPU flags from the text of /proc/cpuinfo (first "flags" line).
    public static func flags(fromCPUInfo text: String) -> Set<String> {
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }

    /// The SIMD features worth reporting, in a stable order.
    public static let reportedFeatures = ["sse4_2", "avx", "fma", "avx2", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni", "avx512_bf16", "amx_tile"]
}
