/// The Image Pixel module attributes that say how to read Pixel Data (PS3.3 C.7.6.3).
public struct PixelDescriptor: Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var frames: Int
    public var samplesPerPixel: Int
    public var bitsAllocated: Int
    public var bitsStored: Int
    public var highBit: Int
    public var pixelRepresentation: Int
    public var planarConfiguration: Int
    public var photometric: String

    /// rows × columns × frames × samples above this is refused before allocating (1 GiB of Int32).
    public static let maximumSamples = 1 << 28

    public var isSigned: Bool { pixelRepresentation == 1 }
    public var pixelsPerFrame: Int { rows * columns }
    public var samplesPerFrame: Int { rows * columns * samplesPerPixel }
    public var totalSamples: Int { samplesPerFrame * frames }

    /// Reads and checks the module; every problem names its tag.
    public init(_ ds: DataSet) throws {
        let file = ds.file
        func required(_ tag: Tag) throws -> Int {
            guard let v = try ds.int(tag) else { throw DICOMError.missingElement(file: file, tag: tag) }
            return v
        }
        func invalid(_ tag: Tag, _ problem: String) -> DICOMError {
            .invalidValue(file: file, tag: tag, offset: ds[tag]?.offset ?? 0, problem: problem)
        }
        rows = try required(.rows)
        columns = try required(.columns)
        bitsAllocated = try required(.bitsAllocated)
        bitsStored = try ds.int(.bitsStored) ?? bitsAllocated
        highBit = try ds.int(.highBit) ?? bitsStored - 1
        pixelRepresentation = try ds.int(.pixelRepresentation) ?? 0
        samplesPerPixel = try ds.int(.samplesPerPixel) ?? 1
        planarConfiguration = try ds.int(.planarConfiguration) ?? 0
        photometric = ds.string(.photometricInterpretation) ?? (samplesPerPixel == 3 ? "RGB" : "MONOCHROME2")
        frames = try ds.int(.numberOfFrames) ?? 1

        guard rows > 0 else { throw invalid(.rows, "rows must be positive, found \(rows)") }
        guard columns > 0 else { throw invalid(.columns, "columns must be positive, found \(columns)") }
        guard frames > 0 else { throw invalid(.numberOfFrames, "number of frames must be positive, found \(frames)") }
        guard [1, 8, 16, 32].contains(bitsAllocated) else {
            throw invalid(.bitsAllocated, "bits allocated \(bitsAllocated) is not 1, 8, 16 or 32")
        }
        guard bitsStored >= 1 && bitsStored <= bitsAllocated else {
            throw invalid(.bitsStored, "bits stored \(bitsStored) is outside 1...\(bitsAllocated)")
        }
        guard samplesPerPixel == 1 || samplesPerPixel == 3 else {
            throw invalid(.samplesPerPixel, "samples per pixel \(samplesPerPixel) is not 1 or 3")
        }
        guard pixelRepresentation == 0 || pixelRepresentation == 1 else {
            throw invalid(.pixelRepresentation, "pixel representation \(pixelRepresentation) is not 0 or 1")
        }
        let (rc, o1) = rows.multipliedReportingOverflow(by: columns)
        let (rcf, o2) = rc.multipliedReportingOverflow(by: frames)
        let (total, o3) = rcf.multipliedReportingOverflow(by: samplesPerPixel)
        guard !o1, !o2, !o3, total <= Self.maximumSamples else {
            throw invalid(frames > 1 ? .numberOfFrames : .rows,
                          "\(rows) × \(columns) × \(frames) frames × \(samplesPerPixel) samples exceeds the limit of \(Self.maximumSamples)")
        }
    }

    /// Bytes of one frame of native (uncompressed) pixel data.
    public var nativeFrameBits: Int { samplesPerFrame * bitsAllocated }
}
