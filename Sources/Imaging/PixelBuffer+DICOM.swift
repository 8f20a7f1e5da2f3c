import DICOM

extension PixelBuffer {
    /// The stored values and display attributes of a parsed DICOM file. Colour
    /// (RGB, YBR, palette) becomes one luma sample per pixel (Rec. 601 weights).
    public init(dicom: DICOMFile) throws {
        let ds = dicom.dataSet
        let pixels = try dicom.pixelData()
        let d = pixels.descriptor
        let n = d.pixelsPerFrame * d.frames
        var values = [Int32](repeating: 0, count: n)
        let photometric: Photometric
        switch d.photometric {
        case "MONOCHROME1", "MONOCHROME2":
            photometric = d.photometric == "MONOCHROME1" ? .monochrome1 : .monochrome2
            guard d.samplesPerPixel == 1 else {
                throw DICOMError.invalidValue(file: dicom.file, tag: .samplesPerPixel, offset: ds[.samplesPerPixel]?.offset ?? 0,
                                              problem: "\(d.photometric) needs 1 sample per pixel, found \(d.samplesPerPixel)")
            }
            try Self.fillGrey(&values, pixels, file: dicom.file)
        case "PALETTE COLOR":
            photometric = .palette
            let palette = try Palette(ds)
            for i in 0..<n { values[i] = palette.luma(Int(pixels.sample(i))) }
        default:
            photometric = .rgb
            guard d.samplesPerPixel == 3 else {
                throw DICOMError.invalidValue(file: dicom.file, tag: .photometricInterpretation,
                                              offset: ds[.photometricInterpretation]?.offset ?? 0,
                                              problem: "photometric interpretation \(d.photometric) with \(d.samplesPerPixel) samples per pixel is not supported")
            }
            let isYBR = d.photometric.hasPrefix("YBR")
            // 32-bit colour is reduced to its top 16 bits so that luma fits Int32.
            let shift: Int64 = d.bitsAllocated == 32 ? 16 : 0
            for i in 0..<n {
                let r = pixels.sample(3 * i) >> shift
                if isYBR {
                    values[i] = Int32(r)  // Y is the luma
                } else {
                    let g = pixels.sample(3 * i + 1) >> shift, b = pixels.sample(3 * i + 2) >> shift
                    values[i] = Int32((299 * r + 587 * g + 114 * b + 500) / 1000)
                }
            }
        }
        let centers = try ds.doubles(.windowCenter) ?? []
        let widths = try ds.doubles(.windowWidth) ?? []
        let explanations = ds.strings(.windowExplanation) ?? []
        let windows = zip(centers, widths).enumerated().map { i, cw in
            WindowSetting(center: cw.0, width: cw.1, explanation: i < explanations.count && !explanations[i].isEmpty ? explanations[i] : nil)
        }
        let spacing = try ds.doubles(.pixelSpacing) ?? ds.doubles(.imagerPixelSpacing)
        let colour = photometric == .rgb || photometric == .palette
        self.init(
            rows: d.rows, columns: d.columns, frames: d.frames,
            bitsAllocated: colour && d.bitsAllocated == 32 ? 16 : d.bitsAllocated,
            bitsStored: colour && d.bitsAllocated == 32 ? 16 : (photometric == .palette ? 16 : d.bitsStored),
            isSigned: colour ? false : d.isSigned, samplesPerPixel: 1, photometric: photometric, values: values,
            rescaleSlope: try ds.double(.rescaleSlope) ?? 1, rescaleIntercept: try ds.double(.rescaleIntercept) ?? 0,
            windows: windows, voiFunction: VOIFunction(rawValue: ds.string(.voiLUTFunction)?.uppercased() ?? "") ?? .linear,
            pixelSpacing: spacing.flatMap { $0.count >= 2 ? PixelSpacing(row: $0[0], column: $0[1]) : nil },
            transferSyntax: dicom.transferSyntax.uid,
            modalityTable: try ds.sequence(.modalityLUTSequence)?.first.map { try LookupTable(item: $0, signedInput: d.isSigned) },
            voiTables: try (ds.sequence(.voiLUTSequence) ?? []).map { try LookupTable(item: $0, signedInput: d.isSigned) })
    }

    private static func fillGrey(_ values: inout [Int32], _ pixels: PixelData, file: String) throws {
        let d = pixels.descriptor
        // Fast paths for the common 8/16-bit layouts; the general path handles 1 and 32 bits.
        if pixels.bytesPerSample == 2 {
            let bits = d.bitsStored, signed = d.isSigned
            let mask: UInt16 = bits >= 16 ? 0xFFFF : UInt16((1 << bits) - 1)
            let shift = Int32(32 - bits)
            pixels.bytes.withUnsafeBufferPointer { b in
                values.withUnsafeMutableBufferPointer { v in
                    for i in 0..<v.count {
                        let raw = (UInt16(b[2 * i]) | UInt16(b[2 * i + 1]) << 8) & mask
                        v[i] = signed ? (Int32(raw) << shift) >> shift : Int32(raw)
                    }
                }
            }
            return
        }
        for i in 0..<values.count {
            let s = pixels.sample(i)
            guard let v = Int32(exactly: s) else {
                throw ImagingError.invalidImage(file: file, field: "(7FE0,0010) PixelData",
                                                problem: "stored value \(s) does not fit 32-bit signed values")
            }
            values[i] = v
        }
    }
}

/// Red, green and blue palette LUTs (PS3.3 C.7.6.3.1.5), reduced to luma.
struct Palette {
    var first: Int
    var table: [Int32]

    init(_ ds: DataSet) throws {
        let descriptorTags = [Tag(0x0028, 0x1101), Tag(0x0028, 0x1102), Tag(0x0028, 0x1103)]
        let dataTags = [Tag(0x0028, 0x1201), Tag(0x0028, 0x1202), Tag(0x0028, 0x1203)]
        var channels: [[Int]] = []
        var first = 0
        for (dt, lt) in zip(descriptorTags, dataTags) {
            guard let desc = try ds.ints(dt), desc.count == 3 else { throw DICOMError.missingElement(file: ds.file, tag: dt) }
            guard let element = ds[lt] else { throw DICOMError.missingElement(file: ds.file, tag: lt) }
            let bits = desc[2]
            let raw = ds.valueBytes(element)
            var entries: [Int] = []
            if bits == 8 && raw.count == max(desc[0] == 0 ? 65536 : desc[0], 1) {
                entries = raw.map(Int.init)
            } else {
                var i = raw.startIndex
                while i + 1 < raw.endIndex {
                    let w = ds.isLittleEndian ? Int(raw[i]) | Int(raw[i + 1]) << 8 : Int(raw[i]) << 8 | Int(raw[i + 1])
                    entries.append(bits == 16 ? w >> 8 : w & 0xFF)
                    i += 2
                }
            }
            channels.append(entries)
            first = desc[1]
        }
        let count = channels.map(\.count).min() ?? 0
        self.first = first
        var lumas: [Int32] = []
        for i in 0..<count {
            let r = 299 * channels[0][i], g = 587 * channels[1][i], b = 114 * channels[2][i]
            lumas.append(Int32((r + g + b + 500) / 1000))
        }
        table = lumas
    }

    func luma(_ index: Int) -> Int32 {
        guard !table.isEmpty else { return 0 }
        return table[min(max(index - first, 0), table.count - 1)]
    }
}

extension LookupTable {
    /// From a Modality or VOI LUT Sequence item: LUT Descriptor (0028,3002) [entries (0 = 65536),
    /// first mapped value (SS when the input is signed), bits], LUT Data (0028,3006), Explanation (0028,3003).
    init(item: DataSet, signedInput: Bool) throws {
        guard let descriptor = try item.ints(.lutDescriptor), descriptor.count == 3 else {
            throw DICOMError.missingElement(file: item.file, tag: .lutDescriptor)
        }
        guard let element = item[.lutData] else { throw DICOMError.missingElement(file: item.file, tag: .lutData) }
        let count = descriptor[0] == 0 ? 65536 : descriptor[0]
        var first = descriptor[1]
        if signedInput && first > 32767 { first -= 65536 }
        let bits = descriptor[2]
        let raw = item.valueBytes(element)
        var words: [Int32] = []
        var i = raw.startIndex
        while i + 1 < raw.endIndex {
            let w = item.isLittleEndian ? Int32(raw[i]) | Int32(raw[i + 1]) << 8 : Int32(raw[i]) << 8 | Int32(raw[i + 1])
            words.append(w)
            i += 2
        }
        // 8-bit entries may be packed two to a word.
        if bits <= 8 && words.count * 2 == count {
            words = words.flatMap { [$0 & 0xFF, $0 >> 8] }
        }
        guard words.count >= count, count > 0 else {
            throw DICOMError.invalidValue(file: item.file, tag: .lutData, offset: element.offset,
                                          problem: "LUT Data has \(words.count) entries, the descriptor says \(count)")
        }
        self.init(firstMapped: first, bitsPerEntry: bits, entries: Array(words.prefix(count)),
                  explanation: item.string(Tag(0x0028, 0x3003)))
    }
}
