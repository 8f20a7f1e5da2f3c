import Common

/// A study folder or library that cannot be used, with the file and field.
public enum WorklistError: UserFacingError, Equatable {
    case libraryMissing(path: String)
    case libraryNotAFolder(path: String)
    case unreadable(file: String, reason: String)
    case malformed(file: String, field: String, reason: String)
    case imageOutsideStudy(file: String, field: String, path: String)
    case imageMissing(file: String, field: String, path: String)
    case duplicateStudyId(file: String, id: String, other: String)

    public var coordinates: String {
        switch self {
        case .libraryMissing(let path), .libraryNotAFolder(let path): return path
        case .unreadable(let file, _): return file
        case .malformed(let file, let field, _), .imageOutsideStudy(let file, let field, _),
             .imageMissing(let file, let field, _):
            return field.isEmpty ? file : "\(file): field '\(field)'"
        case .duplicateStudyId(let file, _, _): return "\(file): field 'id'"
        }
    }

    public var problem: String {
        switch self {
        case .libraryMissing: return "study library folder does not exist"
        case .libraryNotAFolder: return "is a file, not a study library folder"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .malformed(_, _, let reason): return reason
        case .imageOutsideStudy(_, _, let path): return "image path '\(path)' points outside the study folder"
        case .imageMissing(_, _, let path): return "image file '\(path)' does not exist"
        case .duplicateStudyId(_, let id, let other): return "study id '\(id)' is already used by \(other)"
        }
    }
}
