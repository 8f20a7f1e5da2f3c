import Common
import Foundation
import Statistics

// Statistics cannot import Common (it has no dependencies), so its error type gains the
// user-facing conformance here, where both are visible.
extension StatisticsError: UserFacingError {}

/// File reading and output helpers shared by the `analyze` subcommands.
enum AnalyzeSupport {
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StatisticsError(coordinates: path, problem: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StatisticsError(coordinates: path, problem: "the file is not UTF-8 text")
        }
        return text
    }

    /// Pretty, key-sorted JSON on stdout (non-finite numbers become null).
    static func printJSON(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: sanitize(object), options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func sanitize(_ value: Any) -> Any {
        switch value {
        case let d as Double: return d.isFinite ? d : NSNull()
        case let a as [Any]: return a.map(sanitize)
        case let o as [String: Any]: return o.mapValues(sanitize)
        case Optional<Any>.none: return NSNull()
        default: return value
        }
    }

    static func f(_ x: Double, _ decimals: Int = 4) -> String {
        x.isFinite ? String(format: "%.\(decimals)f", x) : "∞"
    }

    static func p(_ x: Double) -> String {
        x < 0.0001 ? String(format: "%.1e", x) : String(format: "%.4f", x)
    }

    /// A plain text table: first row is the header, columns left-aligned and padded.
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        var out: [String] = []
        for (i, row) in rows.enumerated() {
            out.append(row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces())
            if i == 0 { out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension CSVTable {
    /// The column with exactly this header (case-insensitive), or an error naming the header line.
    func requireColumnNamed(_ name: String) throws -> Int {
        guard let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
            throw StatisticsError.input(source: source, line: headerLine, "no column \"\(name)\" in header (found: \(header.joined(separator: ", ")))")
        }
        return i
    }
}
