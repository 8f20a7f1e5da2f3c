import Common

/// Everything that can be wrong with a DICOM file. Coordinates: file, tag with
/// keyword when known, byte offset. Values are never quoted for person-name or ID tags.
public enum DICOMError: UserFacingError, Equatable {
    /// Structure is broken: truncated, lengths past the end, bad delimiters.
    case malformed(file: String, tag: Tag?, offset: Int, problem: String)
    /// A required element is absent.
    case missingElement(file: String, tag: Tag)
    /// An element is present but its value cannot be used.
    case invalidValue(file: String, tag: Tag, offset: Int, problem: String)
    /// Pixel data in an encoding not decoded yet (JPEG, JPEG-LS, JPEG 2000, ...).
    case unsupportedTransferSyntax(file: String, uid: String, name: String)
    /// Not a DICOM file at all.
    case notDICOM(file: String, problem: String)

    public var coordinates: String {
        switch self {
        case let .malformed(file, tag, offset, _):
            return [file, tag.map(Self.describe), "offset \(offset)"].compactMap { $0 }.joined(separator: ": ")
        case let .missingElement(file, tag):
            return "\(file): \(Self.describe(tag))"
        case let .invalidValue(file, tag, offset, _):
            return "\(file): \(Self.describe(tag)): offset \(offset)"
        case let .unsupportedTransferSyntax(file, _, _), let .notDICOM(file, _):
            return file
        }
    }

    public var problem: String {
        switch self {
        case let .malformed(_, _, _, p), let .invalidValue(_, _, _, p), let .notDICOM(_, p): return p
        case .missingElement: return "required element is missing"
        case let .unsupportedTransferSyntax(_, uid, name):
            return "pixel data in \(name) (\(uid)) cannot be decoded yet"
        }
    }

    static func describe(_ tag: Tag) -> String {
        if let keyword = DataDictionary.keyword(for: tag) { return "\(tag) \(keyword)" }
        return tag.description
    }
}
