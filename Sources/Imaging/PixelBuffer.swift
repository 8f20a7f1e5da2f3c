/// Stored pixel values of an image with the descriptor needed to display them:
/// the DICOM pixel module reduced to what Lightbox uses. Colour sources are
/// converted to one grey sample per pixel on load; `photometric` remembers the source.
public struct PixelBuffer: Sendable, Equatable {
    public enum Photometric: String, Sendable, Equatable {
        case monochrome1 = "MONOCHROME1"
        case monochrome2 = "MONOCHROME2"
        case rgb = "RGB"
        case palette = "PALETTE COLOR"
    }

    public var rows: Int
    public var columns: Int
    public var frames: Int
    public var bitsAllocated: Int
    public var bitsStored: Int
    public var isSigned: Bool
    /// Always 1 once loaded: colour is converted to grey.
    public var samplesPerPixel: Int
    public var photometric: Photometric
    /// Stored values, frame-major then row-major, one grey sample per pixel.
    public var values: [Int32]
    public var rescaleSlope: Double
    public var rescaleIntercept: Double
    public var windows: [WindowSetting]
    public var voiFunction: VOIFunction
    /// Modality LUT Sequence (0028,3000), used instead of the rescale when present.
    public var modalityTable: LookupTable?
    /// VOI LUT Sequence (0028,3010) items, alternatives to the windows.
    public var voiTables: [LookupTable]
    public var pixelSpacing: PixelSpacing?
    /// DICOM transfer syntax UID when the source was DICOM.
    public var transferSyntax: String?

    /// Largest rows × columns × frames accepted, checked before any allocation
    /// (1 GiB of `Int32`): larger requests are corrupt headers, not radiographs.
    public static let maximumSampleCount = 1 << 28

    public init(
        rows: Int, columns: Int, frames: Int = 1, bitsAllocated: Int, bitsStored: Int, isSigned: Bool = false,
        samplesPerPixel: Int = 1, photometric: Photometric = .monochrome2, values: [Int32],
        rescaleSlope: Double = 1, rescaleIntercept: Double = 0, windows: [WindowSetting] = [],
        voiFunction: VOIFunction = .linear, pixelSpacing: PixelSpacing? = nil, transferSyntax: String? = nil,
        modalityTable: LookupTable? = nil, voiTables: [LookupTable] = []
    ) {
        precondition(values.count == rows * columns * frames, "PixelBuffer: values do not fill rows × columns × frames")
        self.rows = rows
        self.columns = columns
        self.frames = frames
        self.bitsAllocated = bitsAllocated
        self.bitsStored = bitsStored
        self.isSigned = isSigned
        self.samplesPerPixel = samplesPerPixel
        self.photometric = photometric
        self.values = values
        self.rescaleSlope = rescaleSlope
        self.rescaleIntercept = rescaleIntercept
        self.windows = windows
        self.voiFunction = voiFunction
        self.pixelSpacing = pixelSpacing
        self.transferSyntax = transferSyntax
        self.modalityTable = modalityTable
        self.voiTables = voiTables
    }

    public var pixelsPerFrame: Int { rows * columns }

    /// The stored values of one frame.
    public func frame(_ index: Int) -> ArraySlice<Int32> {
        precondition(index >= 0 && index < frames, "frame index out of range")
        return values[(index * pixelsPerFrame)..<((index + 1) * pixelsPerFrame)]
    }
}

/// One VOI window from Window Center/Width (0028,1050/1051) with its explanation (0028,1055).
public struct WindowSetting: Sendable, Equatable {
    public var center: Double
    public var width: Double
    public var explanation: String?

    public init(center: Double, width: Double, explanation: String? = nil) {
        self.center = center
        self.width = width
        self.explanation = explanation
    }
}

/// VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3.
public enum VOIFunction: String, Sendable, Equatable {
    case linear = "LINEAR"
    case linearExact = "LINEAR_EXACT"
    case sigmoid = "SIGMOID"
}

/// Physical distance between pixel centres in mm (Pixel Spacing or Imager Pixel Spacing).
public struct PixelSpacing: Sendable, Equatable {
    public var row: Double
    public var column: Double

    public init(row: Double, column: Double) {
        self.row = row
        self.column = column
    }
}
