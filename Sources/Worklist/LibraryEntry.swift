/// One folder of a study library: a usable study, or a broken one with the
/// reason. A broken study is listed, never hidden and never fatal.
public enum LibraryEntry: Sendable, Equatable {
    case study(Study)
    case broken(folder: String, message: String)

    public var folderName: String {
        switch self {
        case .study(let s): return (s.folder as NSString).lastPathComponent
        case .broken(let folder, _): return (folder as NSString).lastPathComponent
        }
    }
}

import Foundation
