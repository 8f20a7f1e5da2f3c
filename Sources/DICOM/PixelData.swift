/// Decoded Pixel Data: every frame's samples, little-endian, interleaved
/// (colour-by-pixel), `bytesPerSample` each (1-bit data unpacked to one byte a sample).
/// Values are as stored; masking to Bits Stored and sign happen in `sample(_:)`.
public struct PixelData: Sendable {
    public let descriptor: PixelDescriptor
    public let bytes: [UInt8]
    public let bytesPerSample: Int

    public var count: Int { descriptor.totalSamples }

    /// Sample `i` (frame-major, row-major, interleaved) with bits above Bits Stored
    /// cleared and sign extended when Pixel Representation is 1.
    @inline(__always) public func sample(_ i: Int) -> Int64 {
        var raw: UInt64 = 0
        let o = i * bytesPerSample
        for k in 0..<bytesPerSample { raw |= UInt64(bytes[o + k]) << UInt64(8 * k) }
        return Self.interpret(raw, bitsStored: descriptor.bitsStored, signed: descriptor.isSigned)
    }

    @inline(__always) static func interpret(_ raw: UInt64, bitsStored: Int, signed: Bool) -> Int64 {
        let masked = bitsStored >= 64 ? raw : raw & ((1 << UInt64(bitsStored)) - 1)
        guard signed else { return Int64(bitPattern: masked) }
        let shift = UInt64(64 - bitsStored)
        return Int64(bitPattern: masked << shift) >> Int64(shift)
    }

    public func samples() -> [Int64] { (0..<count).map(sample) }

    /// 8-bit YBR_FULL / YBR_FULL_422 samples converted to RGB (PS3.3 C.7.6.3.1.2),
    /// in single precision with round-half-up, as pydicom does; other data unchanged.
    public func convertedToRGB() -> PixelData {
        guard descriptor.photometric.hasPrefix("YBR_FULL"), descriptor.samplesPerPixel == 3, bytesPerSample == 1 else { return self }
        var out = bytes
        let gCb: Float = -0.114 * 1.772 / 0.587, gCr: Float = -0.299 * 1.402 / 0.587
        var i = 0
        while i + 2 < out.count {
            let y = Float(bytes[i]), cb = Float(bytes[i + 1]) - 128, cr = Float(bytes[i + 2]) - 128
            let rgb = [y + cr * 1.402, y + cb * gCb + cr * gCr, y + cb * 1.772]
            for c in 0..<3 { out[i + c] = UInt8(min(255, max(0, (rgb[c] + 0.5).rounded(.down)))) }
            i += 3
        }
        var d = descriptor
        d.photometric = "RGB"
        return PixelData(descriptor: d, bytes: out, bytesPerSample: 1)
    }
}

extension DICOMFile {
    /// Decodes Pixel Data for native and RLE transfer syntaxes; other encapsulated
    /// syntaxes throw one error naming the syntax.
    public func pixelData() throws -> PixelData {
        let ds = dataSet
        guard let element = ds[.pixelData] else {
            if stoppedBeforePixelData {
                throw DICOMError.malformed(file: file, tag: .pixelData, offset: 0, problem: "parsing stopped before pixel data")
            }
            throw DICOMError.missingElement(file: file, tag: .pixelData)
        }
        let d = try PixelDescriptor(ds)
        switch element.content {
        case .bytes:
            return try native(element, d)
        case let .fragments(table, fragments):
            guard transferSyntax.isRLE else {
                throw DICOMError.unsupportedTransferSyntax(file: file, uid: transferSyntax.uid, name: transferSyntax.name)
            }
            return try rle(element, d, table: table, fragments: fragments)
        case .sequence:
            throw DICOMError.invalidValue(file: file, tag: .pixelData, offset: element.offset, problem: "pixel data is a sequence")
        }
    }

    private func native(_ element: DataElement, _ d: PixelDescriptor) throws -> PixelData {
        if transferSyntax.isEncapsulated {
            throw DICOMError.invalidValue(file: file, tag: .pixelData, offset: element.offset,
                                          problem: "\(transferSyntax.name) requires encapsulated pixel data, found a plain value")
        }
        let raw = dataSet.valueBytes(element)
        if d.photometric == "YBR_FULL_422" && d.samplesPerPixel == 3 && d.bitsAllocated == 8 {
            return try ybr422(raw, element, d)
        }
        let expected = (d.totalSamples * d.bitsAllocated + 7) / 8
        guard raw.count >= expected else {
            throw DICOMError.malformed(file: file, tag: .pixelData, offset: element.offset,
                                       problem: "pixel data has \(raw.count) bytes, \(expected) expected for \(d.rows)×\(d.columns)×\(d.frames) frames×\(d.samplesPerPixel) samples at \(d.bitsAllocated) bits")
        }
        if d.bitsAllocated == 1 {
            // Bits are packed little-endian within bytes, across rows and frames.
            var out = [UInt8](repeating: 0, count: d.totalSamples)
            raw.withContiguousStorageIfAvailable { r in
                for i in 0..<out.count { out[i] = (r[i >> 3] >> UInt8(i & 7)) & 1 }
            }
            return PixelData(descriptor: d, bytes: out, bytesPerSample: 1)
        }
        let size = d.bitsAllocated / 8
        // Swap before trimming: an odd 8-bit OW value's last word holds the last sample.
        var out = Array(raw.prefix(expected + 1 < raw.count ? expected + 1 : raw.count))
        if !transferSyntax.isLittleEndian {
            // OW with 8-bit samples was swapped in 16-bit words; wider samples in their own width.
            let swap = d.bitsAllocated == 8 ? (element.vr == .OW ? 2 : 1) : size
            if swap > 1 {
                out.withUnsafeMutableBufferPointer { b in
                    var i = 0
                    while i + swap <= b.count {
                        var lo = i, hi = i + swap - 1
                        while lo < hi { b.swapAt(lo, hi); lo += 1; hi -= 1 }
                        i += swap
                    }
                }
            }
        }
        if out.count > expected { out.removeLast(out.count - expected) }
        if d.samplesPerPixel > 1 && d.planarConfiguration == 1 {
            out = Self.interleave(out, d, size: size)
        }
        return PixelData(descriptor: d, bytes: out, bytesPerSample: size)
    }

    /// Native YBR_FULL_422 stores Y0 Y1 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2);
    /// expanded here to three samples a pixel, as the other colour encodings.
    private func ybr422(_ raw: ArraySlice<UInt8>, _ element: DataElement, _ d: PixelDescriptor) throws -> PixelData {
        guard d.columns % 2 == 0 else {
            throw DICOMError.invalidValue(file: file, tag: .columns, offset: dataSet[.columns]?.offset ?? 0,
                                          problem: "YBR_FULL_422 needs an even number of columns, found \(d.columns)")
        }
        let expected = d.pixelsPerFrame * 2 * d.frames
        guard raw.count >= expected else {
            throw DICOMError.malformed(file: file, tag: .pixelData, offset: element.offset,
                                       problem: "pixel data has \(raw.count) bytes, \(expected) expected for YBR_FULL_422")
        }
        var out = [UInt8](repeating: 0, count: d.totalSamples)
        var i = raw.startIndex, o = 0
        for _ in 0..<(expected / 4) {
            let y0 = raw[i], y1 = raw[i + 1], cb = raw[i + 2], cr = raw[i + 3]
            out[o] = y0; out[o + 1] = cb; out[o + 2] = cr
            out[o + 3] = y1; out[o + 4] = cb; out[o + 5] = cr
            i += 4; o += 6
        }
        return PixelData(descriptor: d, bytes: out, bytesPerSample: 1)
    }

    /// Colour-by-plane → colour-by-pixel, frame by frame.
    static func interleave(_ planar: [UInt8], _ d: PixelDescriptor, size: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: planar.count)
        let n = d.pixelsPerFrame, s = d.samplesPerPixel
        for f in 0..<d.frames {
            let base = f * n * s * size
            for p in 0..<n {
                for c in 0..<s {
                    for k in 0..<size { out[base + (p * s + c) * size + k] = planar[base + (c * n + p) * size + k] }
                }
            }
        }
        return out
    }

    private func rle(_ element: DataElement, _ d: PixelDescriptor, table: Range<Int>, fragments: [Range<Int>]) throws -> PixelData {
        guard d.bitsAllocated % 8 == 0 else {
            throw DICOMError.invalidValue(file: file, tag: .bitsAllocated, offset: dataSet[.bitsAllocated]?.offset ?? 0,
                                          problem: "RLE needs whole-byte samples, bits allocated is \(d.bitsAllocated)")
        }
        let size = d.bitsAllocated / 8
        let frameBytes = d.samplesPerFrame * size
        var out = [UInt8](repeating: 0, count: frameBytes * d.frames)
        let frames = try frameData(d, table: table, fragments: fragments, element: element)
        for (f, range) in frames.enumerated() {
            do {
                try RLEDecoder.decodeFrame(dataSet.buffer[range], descriptor: d, into: &out, at: f * frameBytes)
            } catch let e as RLEDecoder.Failure {
                throw DICOMError.malformed(file: file, tag: .pixelData, offset: range.lowerBound + e.offset,
                                           problem: "frame \(f + 1): \(e.problem)")
            }
        }
        return PixelData(descriptor: d, bytes: out, bytesPerSample: size)
    }

    /// Byte range of each frame: RLE puts each frame in exactly one fragment (PS3.5 A.4.2).
    private func frameData(_ d: PixelDescriptor, table: Range<Int>, fragments: [Range<Int>], element: DataElement) throws -> [Range<Int>] {
        guard fragments.count == d.frames else {
            throw DICOMError.malformed(file: file, tag: .pixelData, offset: element.offset,
                                       problem: "\(fragments.count) fragments for \(d.frames) frames (RLE needs one fragment per frame)")
        }
        return fragments
    }
}
