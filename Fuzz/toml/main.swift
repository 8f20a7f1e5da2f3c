import Common

/// TOML subset parser (themes, key maps): any text either parses or throws a
/// TOMLError with a 1-based line and column inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzCheck.bytes(data, size), as: UTF8.self)
    do {
        _ = try TOMLParser.parse(text, file: "fuzz.toml")
    } catch let e as TOMLError {
        FuzzCheck.cleanError(e, file: "fuzz.toml")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        if e.line < 1 || e.column < 1 || e.line > lines + 1 {
            fatalError("position \(e.line):\(e.column) outside a text of \(lines) lines")
        }
    } catch {
        FuzzCheck.cleanError(error, file: "fuzz.toml")
    }
    return 0
}
