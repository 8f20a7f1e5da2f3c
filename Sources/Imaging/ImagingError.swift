import Common

/// Everything that can be wrong with an image file or a pixel request.
/// Coordinates name the file and, where known, the chunk or field and byte offset.
public enum ImagingError: UserFacingError, Equatable {
    /// A PNG that libpng or the chunk walker rejected.
    case png(file: String, chunk: String?, offset: Int?, problem: String)
    /// Bytes that are neither PNG nor DICOM, or a DICOM encoding not decoded yet.
    case unsupported(file: String, problem: String)
    /// Dimensions or descriptors that make no sense (checked before allocating).
    case invalidImage(file: String, field: String, problem: String)
    /// A request that does not fit the image (frame out of range, empty target size).
    case invalidRequest(field: String, problem: String)
    /// Reading the file itself failed.
    case unreadable(file: String, problem: String)

    public var coordinates: String {
        switch self {
        case let .png(file, chunk, offset, _):
            var parts = [file]
            if let chunk { parts.append("chunk \(chunk)") }
            if let offset { parts.append("offset \(offset)") }
            return parts.joined(separator: ": ")
        case let .unsupported(file, _), let .unreadable(file, _):
            return file
        case let .invalidImage(file, field, _):
            return "\(file): \(field)"
        case let .invalidRequest(field, _):
            return field
        }
    }

    public var problem: String {
        switch self {
        case let .png(_, _, _, p), let .unsupported(_, p), let .invalidImage(_, _, p),
             let .invalidRequest(_, p), let .unreadable(_, p):
            return p
        }
    }
}
