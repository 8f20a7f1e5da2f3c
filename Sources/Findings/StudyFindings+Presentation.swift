import Foundation

extension StudyFindings {
    /// AI values keyed exactly as ReaderStudy.FindingCatalog keys them, in its vocabularies,
    /// so the reading screen can lay them beside the reader's own.
    public func findingValues() -> [String: String] {
        var values: [String: String] = [:]
        if let f = fracture { values["fracture.study"] = f.label }
        if let b = boneAge { values["boneAge.months"] = String(min(240, max(0, b.roundedMonths))) }
        if let s = spine {
            for l in s.levels {
                values["spine.\(l.level).canalStenosis"] = l.canalStenosisLabel
                values["spine.\(l.level).pfirrmann"] = l.pfirrmannLabel
                values["spine.\(l.level).listhesis"] = l.listhesisLabel
            }
        }
        return values
    }

    /// Lines for the findings panel and `lightbox infer`: each model's lines start with its
    /// name and version, and carry the disclaimer when its card says it learnt from phantoms.
    /// `viewNames` (image name → view, e.g. PA) names the fracture views as the reader
    /// knows them; `levelPositions` adds each spine level's centre (the reading screen
    /// marks it on the image instead).
    public func detailLines(viewNames: [String: String] = [:], levelPositions: Bool = true) -> [String] {
        var lines: [String] = []
        for m in models {
            lines.append("\(m.displayName) (\(m.task.rawValue))" + (m.phantomTrained ? " — \(Self.disclaimer)" : ""))
            switch m.task {
            case .fracture:
                guard let f = fracture else { continue }
                lines.append("  fracture: \(f.label), P = \(Self.fixed(f.probability, 3)) (operating point \(Self.fixed(f.operatingPoint, 3)), mean of \(f.perImage.count) view\(f.perImage.count == 1 ? "" : "s"))")
                for i in f.perImage { lines.append("    \(viewNames[i.image] ?? i.image): P = \(Self.fixed(i.probability, 3))") }
            case .boneAge:
                guard let b = boneAge else { continue }
                if let ca = b.chronologicalMonths, let diff = b.differenceMonths {
                    lines.append("  bone age: \(Self.fixed(b.months, 1)) mo (95% \(Self.fixed(b.low, 1))–\(Self.fixed(b.high, 1))), chronological \(Self.fixed(ca, 0)) mo, difference \(Self.signed(diff, 1)) mo")
                } else {
                    lines.append("  bone age: \(Self.fixed(b.months, 1)) mo (95% \(Self.fixed(b.low, 1))–\(Self.fixed(b.high, 1))); chronological age not recorded")
                }
                if let sds = b.sds, let sd = b.referenceSD {
                    lines.append("  SDS \(Self.signed(sds, 2)) (G&P SD \(Self.fixed(sd, 2)) mo at this age): \(b.category.rawValue)")
                } else {
                    lines.append("  SDS: not computed (sex not recorded as F or M): \(b.category.rawValue)")
                }
            case .spine:
                guard let s = spine else { continue }
                for l in s.levels {
                    let stenosis = zip(["N/M", "Mod", "Sev"], l.canalStenosis).map { "\($0) \(Self.fixed($1, 2))" }.joined(separator: " ")
                    // Disc centre from the image's top-left corner, axes named.
                    let at = l.xMm != nil ? " (x \(Self.fixed(l.xMm!, 1)), y \(Self.fixed(l.yMm!, 1)) mm)" : " (x \(Self.fixed(l.x, 1)), y \(Self.fixed(l.y, 1)) px)"
                    lines.append("  \(l.level)\(levelPositions ? at : ""): canal \(l.canalStenosisLabel) [\(stenosis)]; Pfirrmann \(l.pfirrmannLabel) (P \(Self.fixed(l.pfirrmann.max() ?? 0, 2))); listhesis \(l.listhesisLabel) (P \(Self.fixed(l.listhesis.max() ?? 0, 2)))")
                }
            }
        }
        return lines
    }

    /// "name version" of each model, as AIResult.models wants them.
    public var modelNames: [String] { models.map(\.displayName) }

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    static func signed(_ x: Double, _ digits: Int) -> String { (x >= 0 ? "+" : "") + String(format: "%.\(digits)f", x) }
}
