import DICOM
import Foundation
import Imaging

/// File reading for the image commands (the libraries parse bytes; the CLI does I/O).
enum ImageFiles {
    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImagingError.unreadable(file: path, problem: ImageLoader.readProblem(path: path))
        }
        return [UInt8](data)
    }

    struct Loaded {
        var buffer: PixelBuffer
        /// Present for DICOM sources.
        var dicom: DICOMFile?
        var pixelRepresentation: Int
        var photometric: String
    }

    static func load(_ path: String) throws -> Loaded {
        let data = try bytes(path)
        if ImageLoader.kind(of: data) == .dicom {
            let file = try DICOMReader.read(data, file: path)
            let buffer = try PixelBuffer(dicom: file)
            let descriptor = try PixelDescriptor(file.dataSet)
            return Loaded(buffer: buffer, dicom: file, pixelRepresentation: descriptor.pixelRepresentation,
                          photometric: descriptor.photometric)
        }
        let buffer = try ImageLoader.decode(data, file: path)
        return Loaded(buffer: buffer, dicom: nil, pixelRepresentation: buffer.isSigned ? 1 : 0, photometric: buffer.photometric.rawValue)
    }
}
