import Common
import Foundation
import Testing
import TestSupport
@testable import Imaging

/// Grey DICOM reference files through `ImageLoader`: stored values, modality LUT
/// statistics and windows as pydicom 3.0.2 computed them.
@Suite struct DICOMReferenceTests {
    static let directory = SharedReference.directory("dicom")
    static let decodable: Set<String> = ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5"]

    @Test func greyFilesMatchValuesAndModalityStats() throws {
        guard let dir = Self.directory else { print(SharedReference.skipNote("dicom")); return }
        let data = try Data(contentsOf: dir.appendingPathComponent("REFERENCE_pixels.json"))
        let all = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        var matched = 0, withModality = 0, withWindow = 0
        for (name, ref) in all.sorted(by: { $0.key < $1.key }) {
            guard let ts = ref["transfer_syntax"] as? String, Self.decodable.contains(ts), ref["sha256_le"] != nil,
                  (ref["photometric"] as? String ?? "").hasPrefix("MONOCHROME") else { continue }
            let image = try ImageLoader.load(path: dir.appendingPathComponent(name).path)
            #expect(image.values.min().map(Int.init) == ref["min"] as? Int, "\(name) min")
            #expect(image.values.max().map(Int.init) == ref["max"] as? Int, "\(name) max")
            #expect(image.values.reduce(Int64(0)) { $0 + Int64($1) } == (ref["sum"] as? NSNumber)?.int64Value, "\(name) sum")
            #expect(image.photometric.rawValue == ref["photometric"] as? String, "\(name)")
            for rc in ref["samples_at_rc"] as? [[Int]] ?? [] {
                #expect(Int(image.values[rc[0] * image.columns + rc[1]]) == rc[2], "\(name) \(rc)")
            }
            if let m = ref["modality_lut"] as? [String: Double] {
                let stats = try #require(image.modalityLUT.stats(image.values))
                #expect(image.rescaleSlope == m["slope"] && image.rescaleIntercept == m["intercept"], "\(name) rescale")
                #expect(stats.min == m["min"] && stats.max == m["max"], "\(name) modality range")
                #expect(abs(stats.mean - m["mean"]!) <= 1e-9 * max(1, abs(m["mean"]!)), "\(name) modality mean")
                withModality += 1
            }
            // The reference stores str(value): "40", or "[450, 200]" for several.
            func numbers(_ v: Any?) -> [Double]? {
                guard let s = v as? String else { return nil }
                let parts = s.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                let values = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                return values.count == parts.count ? values : nil
            }
            if let c = numbers(ref["window_center"]), let w = numbers(ref["window_width"]) {
                #expect(image.windows.map(\.center) == c && image.windows.map(\.width) == w, "\(name) window")
                withWindow += 1
            }
            // The display path must run on every file.
            let shown = try image.display()
            #expect(shown.pixels.count == image.rows * image.columns)
            matched += 1
        }
        print("grey DICOM files: \(matched), with modality LUT stats: \(withModality), with windows: \(withWindow)")
        #expect(matched == 48 && withModality == 15 && withWindow == 38)
    }

    @Test func monochrome1IsInvertedOnDisplay() throws {
        guard let dir = Self.directory else { print(SharedReference.skipNote("dicom")); return }
        let image = try ImageLoader.load(path: dir.appendingPathComponent("pydicom-3.0.2/test_files/dicomdirtests/77654033/CR1/6154").path)
        #expect(image.photometric == .monochrome1)
        var asMono2 = image
        asMono2.photometric = .monochrome2
        let a = try image.display(), b = try asMono2.display()
        #expect(zip(a.pixels, b.pixels).allSatisfy { Int($0) + Int($1) == 255 })
    }
}

extension DICOMReferenceTests {
    @Test func windowExplanationsAreKept() throws {
        guard let dir = Self.directory else { print(SharedReference.skipNote("dicom")); return }
        let image = try ImageLoader.load(path: dir.appendingPathComponent("pydicom-3.0.2/test_files/examples_overlay.dcm").path)
        #expect(image.windows == [WindowSetting(center: 450, width: 790, explanation: "WINDOW1"),
                                  WindowSetting(center: 200, width: 443, explanation: "WINDOW2")])
    }
}
