import Foundation
@testable import Worklist

/// study.json decoding and validation, the pure half of StudyLoader.load (the
/// harness touches no files). A manifest that passes must survive an encode →
/// decode round trip unchanged; one that fails must say which field is wrong.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStudyJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(FuzzCheck.bytes(data, size))
    do {
        let manifest = try StudyLoader.decode(bytes, file: "study.json")
        try StudyLoader.validate(manifest, file: "study.json")
        let again = try JSONDecoder().decode(StudyManifest.self, from: JSONEncoder().encode(manifest))
        if again != manifest { fatalError("study.json does not survive an encode/decode round trip") }
    } catch {
        FuzzCheck.cleanError(error, file: "study.json")
    }
    return 0
}
