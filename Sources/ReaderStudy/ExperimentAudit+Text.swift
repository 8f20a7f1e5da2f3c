import Foundation

extension ExperimentAudit {
    /// The page: one section per question an auditor asks, times in UTC.
    public var text: String {
        var lines: [String] = []
        func section(_ title: String) { lines.append(""); lines.append(title); lines.append(String(repeating: "-", count: title.count)) }
        lines.append("Audit of experiment \(design.name) — Lightbox \(lightboxVersion), \(Self.time(generatedAt)) UTC")

        section("Design")
        lines.append("\(design.kind), arms \(design.arms.joined(separator: ", ")), \(design.readers.count) reader(s) (\(design.readers.joined(separator: ", "))), \(design.cases) case(s)")
        lines.append("\(design.sessions) session(s), washout \(design.washoutDays) days")
        lines.append("design sha256 \(design.sha256)")

        section("Randomisation")
        lines.append("seed \(randomisation.seed), \(randomisation.assignments) assignments")
        lines.append("assignment table sha256 \(randomisation.sha256)")

        section("Sessions")
        for s in sessions {
            var text = "\(s.reader) session \(s.session): \(s.signed)/\(s.assigned) signed"
            if let start = s.start { text += ", from \(Self.time(start))" }
            if let end = s.end { text += " to \(Self.time(end))" }
            if s.start == nil { text += ", not started" }
            if let w = s.washoutDays { text += String(format: ", washout %.1f days", w) }
            if !s.accounts.isEmpty { text += ", account \(s.accounts.joined(separator: ", "))" }
            lines.append(text)
        }

        section("Models")
        if models.isEmpty { lines.append("none pinned (no model applied, or nobody has read or prepared yet)") }
        for m in models {
            lines.append("\(m.task): \(m.fingerprint.name) \(m.fingerprint.version), \(m.results) stored result(s)")
            lines.append("  model.onnx sha256 \(m.fingerprint.modelSHA256)")
            lines.append("  card.json  sha256 \(m.fingerprint.cardSHA256)")
        }

        section("Event chain")
        if chain.intact {
            lines.append("intact: \(chain.events) events, \(chain.signedReads) signed reads, head \(chain.head)")
        } else {
            lines.append("BROKEN: \(chain.problem ?? "unknown problem") (\(chain.events) events checked)")
        }

        section("Anomalies")
        if anomalies.isEmpty { lines.append("none") }
        for a in anomalies {
            var at = a.reader
            if let c = a.caseID { at += " \(c)" }
            if let s = a.session { at += " session \(s)" }
            if let p = a.pass, p > 1 { at += " pass \(p)" }
            lines.append("\(a.kind.rawValue): \(at): \(a.detail)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func time(_ seconds: Double) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }
}
