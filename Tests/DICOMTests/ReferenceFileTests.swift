import Common
import Foundation
import Testing
import TestSupport
@testable import DICOM

/// The pydicom test files against what pydicom 3.0.2 decoded (../shared/reference/dicom).
@Suite struct ReferenceFileTests {
    static let directory = SharedReference.directory("dicom")

    static let decodable: Set<String> = [
        TransferSyntax.implicitVRLittleEndian.uid, TransferSyntax.explicitVRLittleEndian.uid,
        TransferSyntax.explicitVRBigEndian.uid, TransferSyntax.deflatedExplicitVRLittleEndian.uid, TransferSyntax.rleLossless.uid,
    ]

    static func reference() throws -> [(String, [String: Any])] {
        guard let dir = directory else { return [] }
        let data = try Data(contentsOf: dir.appendingPathComponent("REFERENCE_pixels.json"))
        let all = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        return all.sorted { $0.key < $1.key }
    }

    static func read(_ name: String, options: DICOMReader.Options = .init()) throws -> DICOMFile {
        let url = directory!.appendingPathComponent(name)
        return try DICOMReader.read([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent, options: options)
    }

    /// Bytes a numpy array of `dtype` holds for these samples, little-endian.
    static func littleEndian(_ samples: [Int64], dtype: String) -> [UInt8] {
        let width: Int
        switch dtype.trimmingCharacters(in: CharacterSet(charactersIn: "<>=|")) {
        case "uint8", "int8", "u1", "i1": width = 1
        case "uint16", "int16", "u2", "i2": width = 2
        default: width = 4
        }
        var out: [UInt8] = []
        out.reserveCapacity(samples.count * width)
        for s in samples { for k in 0..<width { out.append(UInt8(truncatingIfNeeded: s >> Int64(8 * k))) } }
        return out
    }

    @Test func everyUncompressedAndRLEFileMatchesPydicom() throws {
        guard Self.directory != nil else { print(SharedReference.skipNote("dicom")); return }
        var matched: [String] = [], failedAsPydicomDid: [String] = []
        for (name, ref) in try Self.reference() {
            guard let ts = ref["transfer_syntax"] as? String, Self.decodable.contains(ts) else { continue }
            guard let sha = ref["sha256_le"] as? String else {
                // pydicom could not decode it either: we must fail with a clear error, not crash.
                do {
                    _ = try Self.read(name).pixelData()
                    print("decoded although pydicom failed: \(name)")
                } catch let e as DICOMError {
                    #expect(!e.problem.isEmpty)
                    failedAsPydicomDid.append(name)
                }
                continue
            }
            let file = try Self.read(name)
            #expect(file.transferSyntax.uid == ts, "\(name)")
            let pixels = try file.pixelData()
            let d = pixels.descriptor
            #expect(d.rows == ref["rows"] as? Int && d.columns == ref["columns"] as? Int, "\(name) size")
            #expect(d.bitsAllocated == ref["bits_allocated"] as? Int && d.bitsStored == ref["bits_stored"] as? Int, "\(name) bits")
            // pydicom returns YBR_FULL_422 as RGB; compare like with like.
            let samples = (d.photometric == "YBR_FULL_422" ? pixels.convertedToRGB() : pixels).samples()
            #expect(samples.min().map(Int.init) == ref["min"] as? Int, "\(name) min")
            #expect(samples.max().map(Int.init) == ref["max"] as? Int, "\(name) max")
            #expect(samples.reduce(0, +) == (ref["sum"] as? NSNumber)?.int64Value, "\(name) sum")
            let hash = SHA256.hash(Self.littleEndian(samples, dtype: ref["dtype"] as? String ?? ""))
            #expect(hash == sha, "\(name) sha256")
            if hash == sha { matched.append(name) }
        }
        print("DICOM reference files matched: \(matched.count); failing as pydicom did: \(failedAsPydicomDid)")
        #expect(matched.count == 61, "61 uncompressed/RLE/deflated files with pydicom values")
    }
}

extension ReferenceFileTests {
    /// Files pydicom could not decode give one line naming the tag and offset.
    @Test func brokenFilesGiveClearErrors() throws {
        guard Self.directory != nil else { print(SharedReference.skipNote("dicom")); return }
        let cases: [(String, String)] = [
            ("MR_truncated.dcm", "MR_truncated.dcm: (7FE0,0010) PixelData: offset"),
            ("badVR.dcm", "badVR.dcm: (0028,0008) NumberOfFrames: offset"),
            ("nested_priv_SQ.dcm", "nested_priv_SQ.dcm: (0028,0010) Rows: required element is missing"),
            // Not a data set at all (pydicom reads one nonsense element with force=True; dcmdump fails too).
            ("no_meta.dcm", "no_meta.dcm: no DICOM header"),
        ]
        for (name, prefix) in cases {
            do {
                _ = try Self.read("pydicom-3.0.2/test_files/\(name)").pixelData()
                Issue.record("\(name) decoded")
            } catch let e as DICOMError {
                let line = UserMessage.text(for: e)
                print(line)
                #expect(line.hasPrefix(prefix), "\(line)")
            }
        }
        // Truncated pixel data is no obstacle to reading the metadata.
        let meta = try Self.read("pydicom-3.0.2/test_files/MR_truncated.dcm", options: .init(stopBeforePixelData: true))
        let rows = try meta.dataSet.int(.rows)
        #expect(meta.stoppedBeforePixelData && meta.dataSet[.pixelData] == nil && rows == 64)
    }

    @Test func missingTransferSyntaxIsInferred() throws {
        guard Self.directory != nil else { print(SharedReference.skipNote("dicom")); return }
        let file = try Self.read("pydicom-3.0.2/test_files/meta_missing_tsyntax.dcm")
        #expect(file.transferSyntaxWasInferred)
        #expect(file.transferSyntax == .implicitVRLittleEndian)
        #expect(file.dataSet.count >= 2)
        for name in ["ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "no_meta_group_length.dcm", "UN_sequence.dcm",
                     "nested_priv_SQ.dcm", "priv_SQ.dcm", "rtplan.dcm", "rtstruct.dcm", "test-SR.dcm", "reportsi.dcm", "waveform_ecg.dcm"] {
            let f = try Self.read("pydicom-3.0.2/test_files/\(name)")
            #expect(f.dataSet.count > 0, "\(name)")
        }
    }
}
