import Findings

/// reference.json as model validation reads it (`ValidationReference.parse`,
/// bytes in, no file I/O): anything it refuses must be one line naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferenceJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    do {
        _ = try ValidationReference.parse(FuzzCheck.bytes(data, size), path: "reference.json")
    } catch {
        FuzzCheck.cleanError(error, file: "reference.json")
    }
    return 0
}
