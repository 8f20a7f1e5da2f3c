import Foundation

/// Where shared fixtures live. `../shared/reference` is optional: tests that
/// need it call `SharedReference.directory(...)` and skip with a message when absent.
public enum SharedReference {
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `../shared/reference/<sub>` beside the package, or nil when not present.
    public static func directory(_ sub: String) -> URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/\(sub)")
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue ? url : nil
    }

    public static func skipNote(_ sub: String) -> String {
        "skipped: ../shared/reference/\(sub) is not present beside the package"
    }
}
