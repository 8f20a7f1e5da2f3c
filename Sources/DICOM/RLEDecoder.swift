/// RLE Lossless (PS3.5 Annex G): per frame a 64-byte header of segment offsets,
/// one PackBits segment per byte plane, most significant byte first.
enum RLEDecoder {
    struct Failure: Error { let offset: Int; let problem: String }

    /// Decodes one frame into little-endian interleaved samples.
    static func decodeFrame(_ data: ArraySlice<UInt8>, descriptor d: PixelDescriptor, into out: inout [UInt8], at base: Int) throws {
        let bytesPerSample = d.bitsAllocated / 8
        let pixels = d.pixelsPerFrame
        let expectedSegments = d.samplesPerPixel * bytesPerSample
        guard data.count >= 64 else { throw Failure(offset: 0, problem: "RLE frame shorter than its 64-byte header") }
        func le32(_ i: Int) -> Int {
            let s = data.startIndex + i
            return Int(data[s]) | Int(data[s + 1]) << 8 | Int(data[s + 2]) << 16 | Int(data[s + 3]) << 24
        }
        let segments = le32(0)
        guard segments == expectedSegments else {
            throw Failure(offset: 0, problem: "RLE header lists \(segments) segments, \(expectedSegments) expected")
        }
        var offsets = (0..<segments).map { le32(4 + 4 * $0) }
        offsets.append(data.count)
        let planeStride = d.samplesPerPixel * bytesPerSample
        for seg in 0..<segments {
            let start = offsets[seg], end = offsets[seg + 1]
            guard start >= 64, start <= end, end <= data.count else {
                throw Failure(offset: 4 + 4 * seg, problem: "RLE segment \(seg + 1) offsets \(start)..<\(end) are outside the frame")
            }
            let sample = seg / bytesPerSample
            let byteInSample = bytesPerSample - 1 - seg % bytesPerSample  // MSB segment first → highest LE byte
            var dst = base + sample * bytesPerSample + byteInSample
            var written = 0
            var i = data.startIndex + start
            let stop = data.startIndex + end
            while written < pixels && i < stop {
                let n = Int(Int8(bitPattern: data[i]))
                i += 1
                if n >= 0 {
                    let count = n + 1
                    guard i + count <= stop else { throw Failure(offset: i - data.startIndex, problem: "RLE literal run past segment end") }
                    guard written + count <= pixels else { throw Failure(offset: i - data.startIndex, problem: "RLE segment decodes to more than \(pixels) bytes") }
                    for k in 0..<count { out[dst] = data[i + k]; dst += planeStride }
                    i += count
                    written += count
                } else if n != -128 {
                    let count = 1 - n
                    guard i < stop else { throw Failure(offset: i - data.startIndex, problem: "RLE replicate run past segment end") }
                    guard written + count <= pixels else { throw Failure(offset: i - data.startIndex, problem: "RLE segment decodes to more than \(pixels) bytes") }
                    let v = data[i]
                    for _ in 0..<count { out[dst] = v; dst += planeStride }
                    i += 1
                    written += count
                }
            }
            guard written == pixels else {
                throw Failure(offset: start, problem: "RLE segment \(seg + 1) decodes to \(written) bytes, \(pixels) expected")
            }
        }
    }
}
