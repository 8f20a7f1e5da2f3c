import Foundation
import Imaging
import TestSupport

/// The synthetic models of Fixtures/ (see Fixtures/README.md) and helpers that write studies.
enum FindingsFixtures {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }
    static var models: String { root + "/models" }
    static var broken: String { root + "/broken" }

    /// Writes a study folder with 8-bit PNG images and returns its path.
    @discardableResult
    static func writeStudy(in dir: TempDirectory, folder: String, id: String, kind: String, modality: String,
                           sex: String = "F", ageMonths: Int = 120, images: [(name: String, width: Int, height: Int, pixels: [UInt8])],
                           pixelSpacing: [Double]? = nil, reference: String? = nil) throws -> String {
        let root = dir.file(folder)
        try FileManager.default.createDirectory(atPath: root + "/images", withIntermediateDirectories: true)
        for image in images {
            let png = try PNGCodec.encodeGrey8(width: image.width, height: image.height, samples: image.pixels)
            FileManager.default.createFile(atPath: root + "/" + image.name, contents: Data(png))
        }
        let list = images.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let spacing = pixelSpacing.map { ", \"pixelSpacing\": [\($0[0]), \($0[1])]" } ?? ""
        dir.write("\(folder)/study.json", """
        {"formatVersion": 1, "id": "\(id)", "kind": "\(kind)", "modality": "\(modality)", "bodyPart": "X",
         "patient": {"pseudoId": "P1", "sex": "\(sex)", "ageMonths": \(ageMonths)},
         "series": [{"id": "1", "view": "PA", "images": [\(list)]\(spacing)}]}
        """)
        if let reference { dir.write("\(folder)/reference.json", reference) }
        return root
    }

    /// A grey image of `value` with an optional bright square.
    static func image(width: Int, height: Int, value: UInt8, square: (x: Int, y: Int, size: Int, value: UInt8)? = nil) -> [UInt8] {
        var p = [UInt8](repeating: value, count: width * height)
        if let s = square {
            for y in s.y..<min(height, s.y + s.size) { for x in s.x..<min(width, s.x + s.size) { p[y * width + x] = s.value } }
        }
        return p
    }
}
