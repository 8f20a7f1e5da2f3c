@testable import Imaging

/// PNG through the chunk walker and libpng (both the simplified and the
/// low-level pass), via the same content sniffing the CLI uses.
///
/// Almost every mutation breaks a chunk CRC, and the walker rightly stops there,
/// so libpng would never see mutated chunk data. Like libpng's own fuzzer (which
/// sets PNG_CRC_QUIET_USE), the harness therefore rewrites every in-bounds CRC
/// before decoding. A crash artifact is the input before that rewrite; tests
/// replay it through `withValidCRCs` (Tests/ImagingTests/BadInputPNGTests.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = FuzzCheck.bytes(data, size)
    if PNGChunkWalker.hasSignature(bytes) { fixCRCs(&bytes) }
    do {
        let image = try ImageLoader.decode(bytes, file: "fuzz.png")
        if image.rows <= 0 || image.columns <= 0 || image.values.count != image.rows * image.columns * image.frames {
            fatalError("decoded image has inconsistent dimensions \(image.columns)×\(image.rows)×\(image.frames)")
        }
        if image.rows * image.columns > PixelBuffer.maximumSampleCount { fatalError("image above the sample limit") }
    } catch {
        FuzzCheck.cleanError(error, file: "fuzz.png")
    }
    return 0
}

private func fixCRCs(_ bytes: inout [UInt8]) {
    var o = 8
    while o + 12 <= bytes.count {
        let length = Int(PNGChunkWalker.be32(bytes, o))
        guard length <= bytes.count - o - 12 else { return }
        let crc = CRC32.checksum(bytes[(o + 4)..<(o + 8 + length)])
        for i in 0..<4 { bytes[o + 8 + length + i] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(i))) }
        o += 12 + length
    }
}
