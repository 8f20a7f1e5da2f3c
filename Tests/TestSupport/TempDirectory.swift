import Foundation

/// A fresh folder under the system temp directory, removed by `remove()`.
public struct TempDirectory {
    public let path: String

    public init(_ prefix: String = "lightbox-test") {
        path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        let p = file(relative)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
