import Common
import Foundation
import ReaderStudy
import Worklist

/// Binary truth per case for the MRMC exports, read from `reference.json`
/// beside each study's `study.json`, and the reader's call on the same
/// question (see Docs/READER-STUDIES.md, "Truth and ratings"):
/// - extremity: the study label (`abnormal` = 1) — the primary MRMC truth;
/// - spine: 1 when any level has moderate or severe canal stenosis;
/// - hand: 1 when bone age differs from chronological age by more than 2 SD
///   (the reference's Greulich–Pyle SD at that age).
struct ExperimentTruth: Sendable {
    struct Case: Sendable {
        var kind: StudyKind
        var truth: Int
        /// Hand only: chronological age and SD, to turn a reader's bone age into a call.
        var chronologicalMonths: Double?
        var sdMonths: Double?
        /// The reference value of each finding key, for AI-correctness.
        var referenceValues: [String: String]
    }

    var cases: [String: Case]

    /// Only the fields used; unknown keys are ignored so the phantom format can grow.
    private struct Reference: Decodable {
        struct Extremity: Decodable { var label: String }
        struct Hand: Decodable { var boneAgeMonths: Double; var chronologicalAgeMonths: Double; var gpStandardDeviationMonths: Double }
        struct Listhesis: Decodable { var meyerding: Int }
        struct Level: Decodable { var level: String; var canalStenosis: String; var pfirrmann: Int?; var listhesis: Listhesis? }
        struct Spine: Decodable { var levels: [Level] }
        var extremity: Extremity?
        var hand: Hand?
        var spine: Spine?
    }

    static let severeStenosis: Set<String> = ["moderate", "severe"]

    static func load(library: StudyLibrary, caseIDs: [String]) throws -> ExperimentTruth {
        let studies = Dictionary(library.studies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var cases: [String: Case] = [:]
        for id in caseIDs {
            guard let study = studies[id] else {
                throw ExperimentCommandError.truth(caseID: id, problem: "not in the library \(library.root)")
            }
            guard let path = study.referencePath, let data = FileManager.default.contents(atPath: path) else {
                throw ExperimentCommandError.truth(caseID: id, problem: "has no reference.json beside study.json")
            }
            let reference: Reference
            do { reference = try JSONDecoder().decode(Reference.self, from: data) } catch {
                throw ExperimentCommandError.truth(caseID: id, problem: "reference.json cannot be read (\(Self.describe(error)))")
            }
            switch study.kind {
            case .extremity:
                guard let label = reference.extremity?.label, ["normal", "abnormal"].contains(label) else {
                    throw ExperimentCommandError.truth(caseID: id, problem: "reference.json has no extremity.label normal|abnormal")
                }
                cases[id] = Case(kind: .extremity, truth: label == "abnormal" ? 1 : 0,
                                 referenceValues: ["fracture.study": label])
            case .spine:
                guard let levels = reference.spine?.levels, !levels.isEmpty else {
                    throw ExperimentCommandError.truth(caseID: id, problem: "reference.json has no spine.levels")
                }
                var values: [String: String] = [:]
                for level in levels {
                    values["spine.\(level.level).canalStenosis"] = level.canalStenosis == "normal_mild" ? "normal/mild" : level.canalStenosis
                    if let grade = level.pfirrmann { values["spine.\(level.level).pfirrmann"] = String(grade) }
                    // Meyerding 0…4 as the reading screen's labels; grade V has none there.
                    if let slip = level.listhesis?.meyerding, FindingCatalog.listhesisGrades.indices.contains(slip) {
                        values["spine.\(level.level).listhesis"] = FindingCatalog.listhesisGrades[slip]
                    }
                }
                let positive = levels.contains { severeStenosis.contains($0.canalStenosis) }
                cases[id] = Case(kind: .spine, truth: positive ? 1 : 0, referenceValues: values)
            case .hand:
                guard let hand = reference.hand, hand.gpStandardDeviationMonths > 0 else {
                    throw ExperimentCommandError.truth(caseID: id, problem: "reference.json has no hand bone age and SD")
                }
                let positive = abs(hand.boneAgeMonths - hand.chronologicalAgeMonths) > 2 * hand.gpStandardDeviationMonths
                cases[id] = Case(kind: .hand, truth: positive ? 1 : 0, chronologicalMonths: hand.chronologicalAgeMonths,
                                 sdMonths: hand.gpStandardDeviationMonths,
                                 referenceValues: ["boneAge.months": String(Int(hand.boneAgeMonths.rounded()))])
            }
        }
        return ExperimentTruth(cases: cases)
    }

    var truths: [String: Int] { cases.mapValues(\.truth) }

    /// The reader's yes/no on the MRMC question from their decisions, nil when
    /// they left it undecided.
    func call(caseID: String, decisions: [FindingDecision]) -> Bool? {
        guard let info = cases[caseID] else { return nil }
        let values = Dictionary(decisions.compactMap { d in d.readerValue.map { (d.finding, $0) } }, uniquingKeysWith: { a, _ in a })
        switch info.kind {
        case .extremity:
            return values["fracture.study"].map { $0 == "abnormal" }
        case .spine:
            let grades = values.filter { $0.key.hasSuffix(".canalStenosis") }.map(\.value)
            return grades.isEmpty ? nil : grades.contains { Self.severeStenosis.contains($0) }
        case .hand:
            guard let text = values["boneAge.months"], let months = Double(text),
                  let age = info.chronologicalMonths, let sd = info.sdMonths else { return nil }
            return abs(months - age) > 2 * sd
        }
    }

    /// Whether an AI value agrees with the reference (nil when the reference has no value for the finding).
    func aiCorrect(caseID: String, finding: String, aiValue: String) -> Bool? {
        guard let reference = cases[caseID]?.referenceValues[finding] else { return nil }
        if finding == "boneAge.months", let a = Double(aiValue), let r = Double(reference), let sd = cases[caseID]?.sdMonths {
            return abs(a - r) <= sd  // within one SD of the reference bone age
        }
        return aiValue == reference
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing \(key.stringValue)" }
        if case DecodingError.typeMismatch(_, let context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "not valid JSON"
    }
}
