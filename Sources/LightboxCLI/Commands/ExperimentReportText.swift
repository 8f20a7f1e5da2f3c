import Foundation
import ReaderStudy
import Statistics

/// Text and JSON renderings of `ExperimentReport`.
extension ExperimentReport {
    /// What a line of the text report is, so the report screen can style it.
    enum LineKind { case summary, heading, tableHeader, rule, body, note }

    func text(summary: String, rules: TimingRules) -> String {
        lines(summary: summary, rules: rules).map(\.text).joined(separator: "\n") + "\n"
    }

    func lines(summary: String, rules: TimingRules) -> [(text: String, kind: LineKind)] {
        typealias S = AnalyzeSupport
        var out = ReportLines()
        out.append(summary, .summary)
        out.append("Accuracy per treatment (reader calls; Wilson 95% intervals)", .heading)
        var rows = [["treatment", "reads", "sensitivity", "95% CI", "specificity", "95% CI"]]
        for a in accuracy {
            rows.append([a.treatment, "\(a.reads)",
                         a.sensitivity.map { S.f($0.estimate, 3) } ?? "-", a.sensitivity.map { "[\(S.f($0.ciLow, 3)), \(S.f($0.ciHigh, 3))]" } ?? "",
                         a.specificity.map { S.f($0.estimate, 3) } ?? "-", a.specificity.map { "[\(S.f($0.ciLow, 3)), \(S.f($0.ciHigh, 3))]" } ?? ""])
        }
        out.table(rows)
        out.append("")
        if let or = mrmc {
            let test = or.randomReadersRandomCases
            out.append("MRMC ROC: Obuchowski–Rockette, jackknife covariances, random readers and cases (Hillis ddf); empirical AUC", .heading)
            var auc = [["reader"] + or.treatments]
            for (j, reader) in or.readers.enumerated() { auc.append([reader] + or.treatments.indices.map { S.f(or.auc[$0][j], 4) }) }
            auc.append(["mean"] + or.treatmentAUC.map { S.f($0, 4) })
            out.table(auc)
            out.append("F(\(S.f(test.ndf, 0)), \(test.ddf.map { S.f($0, 2) } ?? "∞")) = \(S.f(test.F, 4)), p = \(S.p(test.p))")
            var diff = [["difference", "estimate", "95% CI", "p"]]
            for d in test.differences {
                diff.append(["\(d.first) − \(d.second)", S.f(d.estimate, 4), "[\(S.f(d.ciLow, 4)), \(S.f(d.ciHigh, 4))]", S.p(d.p)])
            }
            out.table(diff)
        } else {
            out.append("MRMC ROC: not computed (\(mrmcProblem ?? "no data"))", .heading)
        }
        out.append("")
        out.append("Reading time (active time, idle threshold \(S.f(rules.idleThreshold, 0)) s, rule \(rules.idleRule.rawValue); see Docs/TIMING.md)", .heading)
        if let time {
            var t = [["reader", "unaided gm (s)", "aided gm (s)", "ratio", "95% CI"]]
            for r in time.perReader {
                t.append([r.reader, S.f(r.unaidedGeometricMean, 1), S.f(r.aidedGeometricMean, 1), S.f(r.ratio, 3),
                          "[\(S.f(r.ciLow, 3)), \(S.f(r.ciHigh, 3))]"])
            }
            out.table(t)
            out.append("pooled aided/unaided ratio \(S.f(time.ratio, 3)) [\(S.f(time.ciLow, 3)), \(S.f(time.ciHigh, 3))], df \(S.f(time.degreesOfFreedom, 1)), "
                       + "p = \(S.p(time.p)) (\(time.method.rawValue))")
        } else {
            out.append("not computed (\(timeProblem ?? "no data"))", .note)
        }
        out.append("")
        out.append("Automation bias (findings where the AI made a call the reader saw)", .heading)
        var b = [["group", "findings", "accepted when AI wrong", "95% CI", "overridden when AI right", "95% CI"]]
        for g in [bias.overall] + bias.perReader {
            b.append([g.name, "\(g.findings)",
                      g.acceptedWhenWrong.map { "\($0.successes)/\($0.trials) = \(S.f($0.estimate, 3))" } ?? "-",
                      g.acceptedWhenWrong.map { "[\(S.f($0.ciLow, 3)), \(S.f($0.ciHigh, 3))]" } ?? "",
                      g.overriddenWhenRight.map { "\($0.successes)/\($0.trials) = \(S.f($0.estimate, 3))" } ?? "-",
                      g.overriddenWhenRight.map { "[\(S.f($0.ciLow, 3)), \(S.f($0.ciHigh, 3))]" } ?? ""])
        }
        out.table(b)
        if reads.missingConfidence > 0 { out.append("note: \(reads.missingConfidence) read(s) without confidence rated as confidence 3", .note) }
        return out.lines
    }

    func json(design: ExperimentDesign, rules: TimingRules, plots: [String]) -> [String: Any] {
        func proportion(_ p: Proportion?) -> Any {
            guard let p else { return NSNull() }
            return ["successes": p.successes, "trials": p.trials, "estimate": p.estimate, "ciLow": p.ciLow, "ciHigh": p.ciHigh]
        }
        var object: [String: Any] = [
            "experiment": design.name, "design": design.design.rawValue, "arms": design.arms.map(\.rawValue),
            "readers": design.readers, "cases": design.caseIDs.count, "sessions": design.sessions,
            "washoutDays": design.washoutDays, "seed": String(design.seed), "rows": table.rows.count,
            "timing": ["idleThreshold": rules.idleThreshold, "idleRule": rules.idleRule.rawValue],
            "accuracy": accuracy.map { ["treatment": $0.treatment, "reads": $0.reads,
                                        "sensitivity": proportion($0.sensitivity), "specificity": proportion($0.specificity)] },
            "automationBias": ([bias.overall] + bias.perReader).map {
                ["group": $0.name, "findings": $0.findings, "acceptedWhenWrong": proportion($0.acceptedWhenWrong),
                 "overriddenWhenRight": proportion($0.overriddenWhenRight)] as [String: Any]
            },
            "plots": plots,
        ]
        if let or = mrmc {
            let test = or.randomReadersRandomCases
            object["mrmc"] = [
                "auc": Dictionary(uniqueKeysWithValues: zip(or.treatments, or.treatmentAUC)),
                "readerAUC": Dictionary(uniqueKeysWithValues: or.treatments.enumerated().map { i, t in
                    (t, Dictionary(uniqueKeysWithValues: zip(or.readers, or.auc[i]))) }),
                "F": test.F, "ndf": test.ndf, "ddf": test.ddf as Any, "p": test.p,
                "differences": test.differences.map {
                    ["first": $0.first, "second": $0.second, "estimate": $0.estimate, "standardError": $0.standardError,
                     "ciLow": $0.ciLow, "ciHigh": $0.ciHigh, "p": $0.p] as [String: Any]
                },
            ] as [String: Any]
        } else {
            object["mrmc"] = ["error": mrmcProblem ?? "no data"]
        }
        if let time {
            object["readingTime"] = [
                "ratio": time.ratio, "ciLow": time.ciLow, "ciHigh": time.ciHigh, "p": time.p,
                "df": time.degreesOfFreedom, "method": time.method.rawValue,
                "perReader": time.perReader.map {
                    ["reader": $0.reader, "unaidedGeometricMean": $0.unaidedGeometricMean, "aidedGeometricMean": $0.aidedGeometricMean,
                     "ratio": $0.ratio, "ciLow": $0.ciLow, "ciHigh": $0.ciHigh] as [String: Any]
                },
            ] as [String: Any]
        } else {
            object["readingTime"] = ["error": timeProblem ?? "no data"]
        }
        return object
    }
}
