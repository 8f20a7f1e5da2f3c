import Common
import ReaderStudy
import ReadingApp
import TerminalUI
import Worklist

/// Studies and images for reading-app tests; no files needed.
enum Fixtures {
    static func study(_ id: String, kind: StudyKind, images: Int = 1, age: Int = 122) -> Study {
        let m = StudyManifest(id: id, kind: kind, modality: kind == .spine ? "MR" : "CR",
                              bodyPart: kind == .spine ? "LSPINE" : (kind == .hand ? "HAND" : "WRIST"),
                              patient: .init(pseudoId: "P-\(id)", sex: .female, ageMonths: age),
                              series: [.init(id: "1", view: "PA", images: (1...images).map { "images/\($0).png" })])
        return Study(folder: "/lib/\(id)", manifest: m,
                     images: (1...images).map { Study.Image(seriesIndex: 0, seriesId: "1", view: $0 == 1 ? "PA" : "LAT", path: "/lib/\(id)/images/\($0).png") })
    }

    static let hand = study("HAND-1", kind: .hand)
    static let wrist = study("EXT-1", kind: .extremity, images: 2, age: 420)
    static let spine = study("SPINE-1", kind: .spine, age: 610)

    static var entries: [LibraryEntry] {
        [.study(wrist), .study(hand), .broken(folder: "/lib/BAD", message: "/lib/BAD/study.json: not valid JSON"), .study(spine)]
    }

    /// A 16×16 gradient, so golden screens show a real picture.
    static let gradient = GreyImage(width: 16, height: 16, pixels: (0..<256).map { UInt8(($0 % 16) * 16 + $0 / 16) })

    static func rendered(generation: Int) -> RenderedImage {
        var r = RenderedImage(image: gradient, presetName: "as stored", window: WindowValues(center: 2000, width: 4000), generation: generation)
        r.sourceHeight = 16   // the whole 16-row image in view
        return r
    }

    static let handAI = AIResult(values: ["boneAge.months": "130"],
                                 details: ["Bone age 130 mo (95%: 118–142)", "Chronological 122 mo · SDS +0.8"],
                                 models: ["boneage-phantom 0.1"])

    static func loadedState(mode: BlindingGate = .clinical) -> AppState {
        var s = AppState(reader: "dr.a", blinding: mode, libraryName: "Lib")
        _ = AppReducer.reduce(&s, .libraryLoaded(entries, statuses: ["SPINE-1": .signed]))
        return s
    }
}
