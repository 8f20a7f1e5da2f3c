import ArgumentParser
import Common
import Foundation
import Imaging

/// `lightbox image info FILE [--json]`: dimensions, encoding and value statistics.
struct ImageInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print an image's dimensions, encoding, stored-value statistics and hash.",
        discussion: """
        min, max and sum cover every frame's stored values (colour reduced to grey); sha256 is of the \
        first frame's stored values as little-endian int16 (signed) or uint16, row-major.
        """
    )

    @Argument(help: "A PNG or DICOM file.") var file: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let loaded = try ImageFiles.load(file)
            let info = ImageInfo(loaded)
            print(json ? info.json() : info.text())
        }
    }
}

/// What `image info` reports, computed from a loaded image.
struct ImageInfo {
    var fields: [(String, Any)] = []

    init(_ loaded: ImageFiles.Loaded) {
        let b = loaded.buffer
        var lo = Int32.max, hi = Int32.min
        var sum: Int64 = 0
        for v in b.values {
            lo = min(lo, v); hi = max(hi, v); sum += Int64(v)
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(b.pixelsPerFrame * 2)
        for v in b.frame(0) {
            bytes.append(UInt8(truncatingIfNeeded: v))
            bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        }
        fields = [
            ("rows", b.rows), ("columns", b.columns), ("frames", b.frames),
            ("bitsAllocated", b.bitsAllocated), ("bitsStored", b.bitsStored),
            ("pixelRepresentation", loaded.pixelRepresentation), ("photometric", loaded.photometric),
        ]
        if let dicom = loaded.dicom { fields.append(("transferSyntax", dicom.transferSyntax.uid)) }
        fields += [("min", Int(lo)), ("max", Int(hi)), ("sum", sum), ("sha256", SHA256.hash(bytes))]
        if let stats = b.modalityStats() {
            fields.append(("modality", [("slope", b.rescaleSlope), ("intercept", b.rescaleIntercept),
                                        ("min", stats.min), ("max", stats.max), ("mean", stats.mean)] as [(String, Any)]))
        }
        if let w = b.windows.first {
            fields.append(("window", [("center", w.center), ("width", w.width)] as [(String, Any)]))
        }
    }

    func json() -> String { "{" + fields.map { "\"\($0.0)\": \(Self.jsonValue($0.1))" }.joined(separator: ", ") + "}" }

    func text() -> String {
        fields.map { key, value in
            if let nested = value as? [(String, Any)] {
                return "\(key): " + nested.map { "\($0.0)=\(Self.plain($0.1))" }.joined(separator: " ")
            }
            return "\(key): \(Self.plain(value))"
        }.joined(separator: "\n")
    }

    static func plain(_ v: Any) -> String {
        if let d = v as? Double { return number(d) }
        return "\(v)"
    }

    static func number(_ d: Double) -> String {
        if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func jsonValue(_ v: Any) -> String {
        switch v {
        case let s as String:
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where ch.value < 0x20: out += String(format: "\\u%04x", ch.value)
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "\""
        case let d as Double: return d.isFinite ? number(d) : "null"
        case let nested as [(String, Any)]:
            return "{" + nested.map { "\"\($0.0)\": \(jsonValue($0.1))" }.joined(separator: ", ") + "}"
        default: return "\(v)"
        }
    }
}
