import DICOM
import Foundation

/// Opens an image file by its content (magic bytes), not its extension.
public enum ImageLoader {
    public static func load(path: String) throws -> PixelBuffer {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImagingError.unreadable(file: path, problem: readProblem(path: path))
        }
        return try decode([UInt8](data), file: path)
    }

    /// Why a file could not be read, in the user's terms: absent, a folder, or unreadable.
    public static func readProblem(path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        return isDirectory.boolValue ? "is a folder, not a file" : "cannot read the file"
    }

    public enum Kind: Sendable { case png, dicom }

    /// What the bytes look like, or nil for neither.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        if PNGChunkWalker.hasSignature(bytes) { return .png }
        return looksLikeDICOM(bytes) ? .dicom : nil
    }

    public static func decode(_ bytes: [UInt8], file: String) throws -> PixelBuffer {
        if PNGChunkWalker.hasSignature(bytes) { return try PNGCodec.decode(bytes, file: file) }
        if looksLikeDICOM(bytes) { return try PixelBuffer(dicom: DICOMReader.read(bytes, file: file)) }
        throw ImagingError.unsupported(file: file, problem: "neither PNG nor DICOM (unrecognised leading bytes)")
    }

    /// "DICM" after the 128-byte preamble, or a bare data set starting with a
    /// group 0002/0008 element (files written without the Part 10 header).
    static func looksLikeDICOM(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 132 && bytes[128] == 0x44 && bytes[129] == 0x49 && bytes[130] == 0x43 && bytes[131] == 0x4D {
            return true
        }
        guard bytes.count >= 8 else { return false }
        let groupLE = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
        let groupBE = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        return groupLE == 0x0002 || groupLE == 0x0008 || groupBE == 0x0002 || groupBE == 0x0008
    }
}
