/// Reads DICOM Part 10 files from bytes (no file I/O here: the caller reads the file).
public enum DICOMReader {
    public struct Options: Sendable {
        /// Stop at (7FE0,0010) in the top-level data set: metadata only, and truncated
        /// pixel data is not an error.
        public var stopBeforePixelData: Bool
        public init(stopBeforePixelData: Bool = false) { self.stopBeforePixelData = stopBeforePixelData }
    }

    public static func read(_ bytes: [UInt8], file: String, options: Options = Options()) throws -> DICOMFile {
        var cursor = 0
        var hasPreamble = false
        if bytes.count >= 132 && bytes[128..<132].elementsEqual([0x44, 0x49, 0x43, 0x4D]) {
            cursor = 132
            hasPreamble = true
        } else if bytes.count >= 4 && bytes[0..<4].elementsEqual([0x44, 0x49, 0x43, 0x4D]) {
            cursor = 4  // "DICM" without the preamble, as some writers do
        }
        guard bytes.count >= cursor + 8 else {
            throw DICOMError.notDICOM(file: file, problem: "file is too short to hold a DICOM element (\(bytes.count) bytes)")
        }

        // File meta: explicit VR little endian, group 0002, read while the group lasts
        // (the group length is not trusted: some writers get it wrong).
        var metaParser = DataSetParser(file: file, buffer: bytes, explicit: true, little: true, stopAtPixelData: false)
        let meta = try metaParser.parseElements(from: &cursor, end: bytes.count, whileGroup: 0x0002)

        let syntax: TransferSyntax
        var inferred = false
        if let uid = meta.string(.transferSyntaxUID), !uid.isEmpty {
            syntax = TransferSyntax(uid: uid)
        } else {
            guard let guess = inferSyntax(bytes, at: cursor) else {
                throw DICOMError.notDICOM(file: file, problem: hasPreamble
                    ? "no transfer syntax in the file meta and the data set encoding is not recognisable"
                    : "no DICOM header and the bytes do not start like a data set")
            }
            syntax = guess
            inferred = true
        }

        var buffer = bytes
        var start = cursor
        if syntax.isDeflated {
            do {
                buffer = try Inflate.raw(Array(bytes[cursor...]))
            } catch let e as InflateError {
                throw DICOMError.malformed(file: file, tag: nil, offset: cursor + e.offset, problem: "deflated data set: \(e.problem)")
            }
            start = 0
        }
        var parser = DataSetParser(file: file, buffer: buffer, explicit: syntax.isExplicitVR, little: syntax.isLittleEndian,
                                   stopAtPixelData: options.stopBeforePixelData)
        let dataSet = try parser.parseElements(from: &start, end: buffer.count, whileGroup: nil)
        return DICOMFile(file: file, hasPreamble: hasPreamble, meta: meta, dataSet: dataSet, transferSyntax: syntax,
                         transferSyntaxWasInferred: inferred, stoppedBeforePixelData: parser.stopped)
    }

    /// Guesses the encoding of a bare data set from its first element header:
    /// byte order from which half of the group is zero (groups are < 0x0100 at the
    /// start of any real data set), explicit VR from two capital letters naming a VR.
    static func inferSyntax(_ b: [UInt8], at p: Int) -> TransferSyntax? {
        guard b.count >= p + 8 else { return nil }
        let little: Bool
        if b[p + 1] == 0 && b[p] != 0 { little = true }
        else if b[p] == 0 && b[p + 1] != 0 { little = false }
        else { return nil }
        let explicit = VR(bytes: b[p + 4], b[p + 5]) != nil
        switch (explicit, little) {
        case (true, true): return .explicitVRLittleEndian
        case (false, true): return .implicitVRLittleEndian
        case (true, false): return .explicitVRBigEndian
        case (false, false): return nil  // implicit big endian does not exist
        }
    }
}
