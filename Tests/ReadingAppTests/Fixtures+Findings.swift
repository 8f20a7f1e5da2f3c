import ReadingApp

/// AI results shaped like the shipped models' output (`lightbox infer` on SampleStudies),
/// for golden screens of each kind with findings shown.
extension Fixtures {
    static let disclaimer = " — trained on phantoms — not for clinical use"

    static let fractureAI = AIResult(
        values: ["fracture.study": "abnormal"],
        details: ["fracture-phantom 0.1.0 (fracture)" + disclaimer,
                  "  fracture: abnormal, P = 0.615 (operating point 0.500, mean of 2 views)",
                  "    images/1.png: P = 0.702",
                  "    images/2.png: P = 0.528"],
        models: ["fracture-phantom 0.1.0"],
        flag: AIFlag(text: "P 0.62", score: 0.615, alert: true))

    static let boneAgeAI = AIResult(
        values: ["boneAge.months": "152"],
        details: ["boneage-phantom 0.1.0 (boneAge)" + disclaimer,
                  "  bone age: 151.7 mo (95% 135.4–168.0), chronological 122 mo, difference +29.7 mo",
                  "  SDS +3.02 (G&P SD 9.84 mo at this age): advanced"],
        models: ["boneage-phantom 0.1.0"],
        flag: AIFlag(text: "SDS +3.0", score: 0.75, alert: true))

    static let spineLevels: [(level: String, canal: String, probs: String, pf: String, pfP: String, li: String, liP: String)] = [
        ("L1-L2", "normal/mild", "N/M 1.00 Mod 0.00 Sev 0.00", "3", "0.85", "none", "0.97"),
        ("L2-L3", "severe", "N/M 0.00 Mod 0.18 Sev 0.82", "4", "0.99", "none", "0.99"),
        ("L3-L4", "normal/mild", "N/M 0.51 Mod 0.49 Sev 0.00", "3", "1.00", "none", "0.97"),
        ("L4-L5", "normal/mild", "N/M 1.00 Mod 0.00 Sev 0.00", "4", "0.99", "none", "0.99"),
        ("L5-S1", "moderate", "N/M 0.05 Mod 0.95 Sev 0.00", "3", "1.00", "I", "0.71"),
    ]

    static let spineAI: AIResult = {
        var values: [String: String] = [:]
        var details = ["spine-phantom 0.1.0 (spine)" + disclaimer]
        for (i, l) in spineLevels.enumerated() {
            values["spine.\(l.level).canalStenosis"] = l.canal
            values["spine.\(l.level).pfirrmann"] = l.pf
            values["spine.\(l.level).listhesis"] = l.li
            details.append("  \(l.level): canal \(l.canal) [\(l.probs)]; Pfirrmann \(l.pf) (P \(l.pfP)); listhesis \(l.li) (P \(l.liP))")
        }
        var ai = AIResult(values: values, details: details, models: ["spine-phantom 0.1.0"],
                          flag: AIFlag(text: "sev L2-L3", score: 1.0, alert: true))
        // Level centres on the 16-row fixture image, top to bottom.
        ai.markers[0] = spineLevels.enumerated().map { ImageMarker(label: $0.element.level, x: 8, y: 2.5 + 2.5 * Double($0.offset)) }
        return ai
    }()
}
