import Common
import Foundation

/// A loaded, validated study: its manifest and the absolute paths of its images
/// in series order. Image paths are checked to stay inside the study folder.
public struct Study: Sendable, Equatable {
    public struct Image: Sendable, Equatable {
        public var seriesIndex: Int
        public var seriesId: String
        public var view: String?
        public var path: String

        public init(seriesIndex: Int, seriesId: String, view: String?, path: String) {
            self.seriesIndex = seriesIndex; self.seriesId = seriesId; self.view = view; self.path = path
        }
    }

    public var folder: String
    public var manifest: StudyManifest
    public var images: [Image]

    public init(folder: String, manifest: StudyManifest, images: [Image]) {
        self.folder = folder; self.manifest = manifest; self.images = images
    }

    public var id: String { manifest.id }
    public var kind: StudyKind { manifest.kind }

    /// `reference.json` beside `study.json`, if the study has one. Only
    /// feedback after sign, validation and statistics may read it.
    public var referencePath: String? {
        let p = (folder as NSString).appendingPathComponent("reference.json")
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}
