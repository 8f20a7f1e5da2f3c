/// The process's kernel variant, read once from `LIGHTBOX_KERNEL_VARIANT`
/// (the module's other OS access, beside BLASCoreSelection). Sessions default
/// to it; the CLI checks it first thing so a mistyped value is one line, not a
/// silent fallback.
public enum KernelSelection {
    public static let process: Result<KernelVariant, InferenceError> = Result {
        try KernelVariant.selected(environment: BLASCoreSelection.environment(KernelVariant.environmentVariable))
    }.mapError { $0 as! InferenceError }

    /// The selected variant, or the best one when the setting is invalid (the CLI refuses that case).
    public static var variant: KernelVariant { (try? process.get()) ?? .best }
}

extension KernelSelection {
    /// A command's `--variant` value, or the process's selection when it gave none.
    public static func variant(named name: String?) throws -> KernelVariant {
        guard let name else { return try process.get() }
        return try KernelVariant.selected(environment: name)
    }
}
