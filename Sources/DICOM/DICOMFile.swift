/// A parsed Part 10 file (or a bare data set written without the header).
public struct DICOMFile: Sendable {
    public let file: String
    /// True when the 128-byte preamble and "DICM" were present.
    public let hasPreamble: Bool
    /// File meta information (group 0002); empty for files without it.
    public let meta: DataSet
    public let dataSet: DataSet
    public let transferSyntax: TransferSyntax
    /// True when (0002,0010) was absent and the encoding was inferred from the bytes.
    public let transferSyntaxWasInferred: Bool
    /// True when parsing stopped before the pixel data element (on request).
    public let stoppedBeforePixelData: Bool
}
