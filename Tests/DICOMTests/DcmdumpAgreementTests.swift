import Foundation
import Testing
import TestSupport
@testable import DICOM

/// dcmtk's dcmdump as a second, independent reader: for every reference file both
/// can read, the same elements in the same order (sequences flattened), the same VR
/// where the file states it, and the same text values.
@Suite struct DcmdumpAgreementTests {
    static let dcmdump: String? = ["/usr/bin/dcmdump", "/usr/local/bin/dcmdump"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Line: Equatable, CustomStringConvertible {
        var tag: DICOM.Tag
        var vr: String
        var text: String?
        var description: String { "\(tag) \(vr) \(text ?? "-")" }
    }

    static func run(_ path: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dcmdump!)
        p.arguments = ["-q", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// dcmdump lines such as "(0010,0010) PN [Doe^J]   #   6, 1 PatientName", items and fragments skipped.
    static func parse(_ dump: String) -> [Line] {
        var lines: [Line] = []
        for raw in dump.split(separator: "\n") {
            let s = raw.drop { $0 == " " }
            guard s.first == "(", s.count > 15 else { continue }
            let chars = Array(s)
            guard let g = UInt16(String(chars[1..<5]), radix: 16), let e = UInt16(String(chars[6..<10]), radix: 16) else { continue }
            let vr = String(chars[12..<14])
            if vr == "na" || vr == "pi" || g == 0xFFFE { continue }
            var text: String?
            let rest = String(chars[15...])
            if rest.hasPrefix("["), let hash = rest.range(of: "] ", options: .backwards)?.lowerBound ?? rest.range(of: "]")?.lowerBound {
                let body = String(rest[rest.index(after: rest.startIndex)..<hash])
                if !rest.contains("...") { text = body }
            }
            lines.append(Line(tag: DICOM.Tag(g, e), vr: vr, text: text))
        }
        return lines
    }

    static func flatten(_ ds: DataSet, into out: inout [Line]) {
        for element in ds.elements {
            var text: String?
            if element.vr.isText, case .bytes = element.content, !element.valueRange.isEmpty {
                text = (ds.strings(element.tag) ?? []).joined(separator: "\\")
            }
            out.append(Line(tag: element.tag, vr: element.vr.rawValue, text: text))
            for item in element.items ?? [] { flatten(item, into: &out) }
        }
    }

    @Test func agreesWithDcmdumpOnReferenceFiles() throws {
        guard let dir = SharedReference.directory("dicom") else { print(SharedReference.skipNote("dicom")); return }
        guard Self.dcmdump != nil else { print("skipped: dcmdump (dcmtk) is not installed; `make deps` installs it"); return }
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { !$0.hasDirectoryPath && ($0.pathExtension == "dcm" || $0.pathExtension.isEmpty || $0.lastPathComponent.hasPrefix("DICOMDIR")) }
            .sorted { $0.path < $1.path }
        var compared = 0, elements = 0, values = 0
        for url in files {
            guard let dump = Self.run(url.path) else { continue }
            let file: DICOMFile
            do {
                file = try DICOMReader.read([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent)
            } catch let e as DICOMError {
                // dcmdump reads past the end of a sequence whose last item overruns it; we refuse.
                #expect(url.lastPathComponent == "DICOMDIR-nooffset" && e.problem.contains("runs past the end of its sequence"),
                        "dcmdump reads \(url.lastPathComponent) but we do not: \(e.problem)")
                continue
            }
            let theirs = Self.parse(dump)
            var ours: [Line] = []
            Self.flatten(file.meta, into: &ours)
            Self.flatten(file.dataSet, into: &ours)
            #expect(theirs.map(\.tag) == ours.map(\.tag), "\(url.lastPathComponent): element lists differ")
            guard theirs.map(\.tag) == ours.map(\.tag) else { continue }
            for (t, o) in zip(theirs, ours) {
                // Implicit VR files: dcmdump's dictionary knows private tags ours does not; compare public, unambiguous ones.
                let comparableVR = file.transferSyntax.isExplicitVR || t.tag.group == 0x0002
                    || (!t.tag.isPrivate && !["ox", "xs", "lt", "up"].contains(t.vr) && o.vr != "UN")
                // dcmdump names DICOMDIR offsets "up" (UL pointer); "US or SS" tags in implicit files it
                // resolves by Pixel Representation, our dictionary takes US.
                let theirVR = t.vr == "up" ? "UL" : t.vr
                let ambiguous = !file.transferSyntax.isExplicitVR && Set([theirVR, o.vr]) == ["US", "SS"]
                if comparableVR && t.tag != .pixelData && !ambiguous {
                    #expect(theirVR == o.vr, "\(url.lastPathComponent) \(t.tag): VR \(t.vr) vs \(o.vr)")
                }
                // Leading/trailing spaces (and NUL padding) of each value are not significant (PS3.5 6.2).
                func normal(_ s: String) -> String {
                    s.split(separator: "\\", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \u{0}")) }.joined(separator: "\\")
                }
                if let a = t.text.map(normal), let b = o.text.map(normal), a.allSatisfy(\.isASCII) {
                    #expect(a == b, "\(url.lastPathComponent) \(t.tag): [\(a)] vs [\(b)]")
                    values += 1
                }
            }
            compared += 1
            elements += theirs.count
        }
        print("dcmdump agreement: \(compared) files, \(elements) elements, \(values) text values")
        #expect(compared >= 100)
    }
}
