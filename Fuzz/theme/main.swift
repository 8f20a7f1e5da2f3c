import TerminalUI

/// Theme files (TOML → roles → styles): parse or throw a one-line ThemeError
/// naming the file and key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzCheck.bytes(data, size), as: UTF8.self)
    do {
        let theme = try Theme.parse(text, file: "fuzz-theme.toml")
        if theme.name.isEmpty { fatalError("theme accepted without a name") }
    } catch {
        FuzzCheck.cleanError(error, file: "fuzz-theme.toml")
    }
    return 0
}
