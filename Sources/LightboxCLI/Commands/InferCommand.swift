import ArgumentParser
import Findings
import Foundation
import Worklist

/// `lightbox infer STUDY_DIR... [--json] [--models DIR]`: runs every applicable model on each study.
struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Run the AI models on study folders and print their findings.",
        discussion: """
        Models come from --models folders, $LIGHTBOX_MODELS, $XDG_DATA_HOME/lightbox/models and Models/ \
        (see `lightbox models list`). Demo models are trained on phantoms — not for clinical use. \
        With --json: one object for one study, an array for several.
        """
    )

    @Argument(help: "Study folders (each with study.json).")
    var studies: [String]

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.engine()
            var objects: [FindingsJSON] = []
            for folder in studies {
                let study = FindingsStudy(try StudyLoader.load(folder: folder))
                let findings = try engine.run(study)
                if json {
                    objects.append(FindingsJSON(study: study, findings: findings))
                } else {
                    print(InferText.lines(study: study, findings: findings).joined(separator: "\n"))
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = objects.count == 1 ? try encoder.encode(objects[0]) : try encoder.encode(objects)
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }
}

/// Text form of one study's findings.
enum InferText {
    static func lines(study: FindingsStudy, findings: StudyFindings?) -> [String] {
        var out = ["study \(study.id) (\(study.kind.rawValue), \(study.modality))"]
        guard let f = findings else {
            return out + ["  no installed model applies to \(study.kind.rawValue) studies of modality \(study.modality)"]
        }
        out += f.detailLines().map { "  " + $0 }
        out.append(String(format: "  latency %.1f ms", f.latencyMs))
        return out
    }
}
