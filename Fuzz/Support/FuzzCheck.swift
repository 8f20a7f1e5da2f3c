import Common
#if canImport(Glibc)
import Glibc
#endif

/// What every harness checks besides "does not crash": bad input must end in a
/// `UserFacingError` whose text is one non-empty line naming where the problem is.
/// Anything else (a foreign error type, an empty or multi-line message) traps, so
/// libFuzzer records it as a crash with the input that caused it.
enum FuzzCheck {
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    static func cleanError(_ error: any Error, file: String) {
        guard let e = error as? any UserFacingError else {
            fatalError("bad input ended in a non-user-facing error: \(type(of: error)): \(error)")
        }
        let text = UserMessage.text(for: error)
        // FUZZ_PRINT=1 .build-fuzz/bin/<target> FILE… prints the line a user would see.
        if getenv("FUZZ_PRINT") != nil { print(text) }
        if e.problem.isEmpty { fatalError("empty problem in \(type(of: error)): \(text)") }
        // file "" for modules whose errors leave the file to the caller (Inference: the CLI prefixes it)
        if !file.isEmpty && !e.coordinates.contains(file) { fatalError("coordinates do not name the file: \(text)") }
        if text.contains(where: \.isNewline) { fatalError("message is not one line: \(text)") }
    }
}
