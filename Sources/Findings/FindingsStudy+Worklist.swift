import Foundation
import Imaging
import Worklist

extension FindingsStudy {
    /// The engine's view of a library study. Reads study.json once more for the optional
    /// per-series keys the library format allows but the manifest does not model
    /// (`pixelSpacing` [row, column] mm, `windowCenter`, `windowWidth`); absent keys are fine.
    /// The declared window is applied as LINEAR_EXACT, (x − (c − w/2)) / w clipped to [0, 1],
    /// as the training recipes apply it.
    public init(_ study: Study) {
        let extras = Self.seriesExtras(folder: study.folder)
        let root = study.folder.hasSuffix("/") ? study.folder : study.folder + "/"
        let images = study.images.map { image -> Image in
            let extra = image.seriesIndex < extras.count ? extras[image.seriesIndex] : SeriesExtras()
            let name = image.path.hasPrefix(root) ? String(image.path.dropFirst(root.count)) : (image.path as NSString).lastPathComponent
            let spacing = extra.pixelSpacing.flatMap { $0.count == 2 && $0[0] > 0 && $0[1] > 0 ? PixelSpacing(row: $0[0], column: $0[1]) : nil }
            let window = extra.windowCenter.flatMap { c in extra.windowWidth.flatMap { w in w > 0 ? VOIWindow(center: c, width: w, function: .linearExact) : nil } }
            return Image(path: image.path, name: name, seriesIndex: image.seriesIndex, view: image.view,
                         declaredSpacing: spacing, declaredWindow: window)
        }
        let sex: Sex
        switch study.manifest.patient.sex {
        case .female: sex = .female
        case .male: sex = .male
        case .other: sex = .other
        }
        self.init(id: study.id, kind: study.kind, modality: study.manifest.modality, sex: sex,
                  ageMonths: study.manifest.patient.ageMonths, images: images)
    }

    struct SeriesExtras: Decodable {
        var pixelSpacing: [Double]?
        var windowCenter: Double?
        var windowWidth: Double?
    }

    private struct Manifest: Decodable {
        var series: [SeriesExtras]
    }

    static func seriesExtras(folder: String) -> [SeriesExtras] {
        guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("study.json")),
              let m = try? JSONDecoder().decode(Manifest.self, from: data) else { return [] }
        return m.series
    }
}
