import Findings

/// A model's card.json (`ModelCard.parse`: decoding and validation, bytes in,
/// no file I/O): anything it refuses must be one line naming the file and field.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelCard(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    do {
        _ = try ModelCard.parse(FuzzCheck.bytes(data, size), path: "card.json")
    } catch {
        FuzzCheck.cleanError(error, file: "card.json")
    }
    return 0
}
