import Foundation
import TestSupport

/// Loads the repo's own fixtures (Tests/StatisticsTests/Fixtures) and, when present,
/// the shared reference copies (../shared/reference).
enum Fixture {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
    }

    static func json(_ relative: String) throws -> [String: Any] {
        try parse(try Data(contentsOf: directory.appendingPathComponent(relative)))
    }

    /// JSON with Python's non-standard `Infinity` (scikit-learn thresholds) turned into a string.
    static func parse(_ data: Data) throws -> [String: Any] {
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "Infinity", with: "\"Infinity\"")
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// The shared reference file, or nil (the caller records the skip) when ../shared is absent.
    static func sharedText(_ sub: String, _ file: String) -> String? {
        guard let dir = SharedReference.directory(sub) else { return nil }
        return try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
    }

    /// nil only when ../shared is absent; a present but unreadable file throws.
    static func sharedJSON(_ sub: String, _ file: String) throws -> [String: Any]? {
        guard let dir = SharedReference.directory(sub) else { return nil }
        return try parse(try Data(contentsOf: dir.appendingPathComponent(file)))
    }
}

/// |a − b| ≤ tol, with a readable failure through #expect at the call site.
func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tol
}

/// Relative closeness for values spanning many magnitudes.
func relClose(_ a: Double, _ b: Double, _ rel: Double) -> Bool {
    if a == b { return true }
    return abs(a - b) <= rel * max(abs(a), abs(b))
}

extension Array where Element == Any {
    var doubles: [Double] { map { ($0 as! NSNumber).doubleValue } }
}
