import Foundation

/// Golden files: `Tests/<Target>/Snapshots/<name>.txt`. A mismatch fails with
/// a diff of the first differing line; `RECORD_SNAPSHOTS=1` rewrites them.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns nil when `actual` matches the golden file (or was recorded),
    /// else a message describing the first difference.
    public static func check(_ actual: String, name: String, testFile: String = #filePath) -> String? {
        let dir = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = dir.appendingPathComponent("\(name).txt")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record || !FileManager.default.fileExists(atPath: url.path) {
            if !record { return "golden file \(url.path) is missing; run with RECORD_SNAPSHOTS=1 to create it" }
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return "cannot read \(url.path)" }
        if expected == actual { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<end>", al = i < a.count ? a[i] : "<end>"
            if el != al { return "\(name): line \(i + 1) differs\n expected: \(el)\n   actual: \(al)" }
        }
        return "\(name): differs"
    }
}
