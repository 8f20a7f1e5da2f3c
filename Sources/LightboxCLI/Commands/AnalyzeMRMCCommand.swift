import ArgumentParser
import Foundation
import Statistics

/// `lightbox analyze mrmc FILE --format long|imrmc [--cov jackknife|delong] [--json]`
struct AnalyzeMRMCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrmc",
        abstract: "Multi-reader multi-case ROC analysis (Obuchowski–Rockette with Hillis ddf; DBM mean squares).",
        discussion: """
        Reads the long format (reader,treatment,case,truth,rating — RJafroc/MRMCaov) or the iMRMC list \
        format (truth rows with reader -1). AUCs are empirical (trapezoidal/Wilcoxon). The default analysis \
        treats readers and cases as random; --analysis frrc fixes readers (chi-square test, ddf null in JSON), \
        --analysis rrfc fixes cases.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case long, imrmc }
    enum Covariance: String, ExpressibleByArgument, CaseIterable { case jackknife, delong }
    enum Analysis: String, ExpressibleByArgument, CaseIterable { case rrrc, frrc, rrfc }

    @Argument(help: "The ratings file.") var file: String
    @Option(help: "Input format: long or imrmc.") var format: Format = .long
    @Option(name: .customLong("cov"), help: "Covariance estimator: jackknife or delong.") var covariance: Covariance = .jackknife
    @Option(help: "Random factors: rrrc (readers and cases random), frrc (fixed readers), rrfc (fixed cases).") var analysis: Analysis = .rrrc
    @Option(help: "Confidence level.") var level: Double = 0.95
    @Flag(help: "Print JSON: auc, F, ndf, ddf, p, differences.") var json = false

    func run() throws {
        try reportingErrors {
            let text = try AnalyzeSupport.readText(file)
            let data = format == .long ? try MRMCDataset.parseLong(text: text, source: file) : try MRMCDataset.parseIMRMC(text: text, source: file)
            let or = ORAnalysis(data, covariance: covariance == .jackknife ? .jackknife : .delong, level: level)
            let test: MRMCTest
            switch analysis {
            case .rrrc: test = or.randomReadersRandomCases
            case .frrc: test = or.fixedReadersRandomCases
            case .rrfc: test = or.randomReadersFixedCases
            }
            if json {
                try AnalyzeSupport.printJSON(Self.jsonObject(or, test))
            } else {
                print(Self.report(file: file, data: data, or: or, test: test, dbm: covariance == .jackknife ? DBMAnalysis(data, level: level) : nil))
            }
        }
    }

    static func jsonObject(_ or: ORAnalysis, _ test: MRMCTest) -> [String: Any] {
        var auc: [String: Any] = [:]
        for (t, name) in or.treatments.enumerated() { auc[name] = or.treatmentAUC[t] }
        return [
            "auc": auc,
            "F": test.F,
            "ndf": test.ndf,
            "ddf": test.ddf as Any,
            "p": test.p,
            "differences": test.differences.map { d -> [String: Any] in
                ["first": d.first, "second": d.second, "estimate": d.estimate, "standardError": d.standardError,
                 "ciLow": d.ciLow, "ciHigh": d.ciHigh, "p": d.p]
            },
        ]
    }

    static func report(file: String, data: MRMCDataset, or: ORAnalysis, test: MRMCTest, dbm: DBMAnalysis?) -> String {
        typealias S = AnalyzeSupport
        var out: [String] = []
        let kind: String
        switch test.kind {
        case .randomReadersRandomCases: kind = "random readers, random cases"
        case .fixedReadersRandomCases: kind = "fixed readers, random cases"
        case .randomReadersFixedCases: kind = "random readers, fixed cases"
        }
        out.append("\(file): \(data.treatments.count) treatments, \(data.readers.count) readers, \(data.cases.count) cases (\(data.positiveCount) abnormal, \(data.negativeCount) normal)")
        out.append("Obuchowski–Rockette, \(or.covarianceMethod.rawValue) covariances, \(kind); empirical (trapezoidal) AUC")
        out.append("")
        var rows = [["reader"] + data.treatments]
        for (r, name) in data.readers.enumerated() { rows.append([name] + or.auc.map { S.f($0[r], 6) }) }
        rows.append(["mean"] + or.treatmentAUC.map { S.f($0, 6) })
        out.append(S.table(rows))
        out.append("")
        let level = Int((or.level * 100).rounded())
        if let chi = test.chiSquare {
            out.append("Test of equal AUCs: X²(\(S.f(test.ndf, 0))) = \(S.f(chi)), p = \(S.p(test.p))")
        } else {
            out.append("Test of equal AUCs: F(\(S.f(test.ndf, 0)), \(S.f(test.ddf ?? .infinity, 2))) = \(S.f(test.F)), p = \(S.p(test.p))")
        }
        out.append("")
        var diff = [["difference", "estimate", "std err", test.ddf == nil ? "z" : "df", "\(level)% CI", "p"]]
        for d in test.differences {
            diff.append(["\(d.first) − \(d.second)", S.f(d.estimate, 5), S.f(d.standardError, 5),
                         d.degreesOfFreedom.map { S.f($0, 2) } ?? S.f(d.statistic, 2),
                         "[\(S.f(d.ciLow, 5)), \(S.f(d.ciHigh, 5))]", S.p(d.p)])
        }
        out.append(S.table(diff))
        out.append("")
        var single = [["treatment", "AUC", "std err", "df", "\(level)% CI"]]
        for t in test.treatments {
            single.append([t.treatment, S.f(t.auc, 6), S.f(t.standardError, 6), t.degreesOfFreedom.map { S.f($0, 2) } ?? "∞",
                           "[\(S.f(t.ciLow, 6)), \(S.f(t.ciHigh, 6))]"])
        }
        out.append(S.table(single))
        out.append("")
        let c = or.components
        out.append(S.table([["OR component", "estimate", "correlation"],
                            ["Var(R)", S.f(c.varR, 8), ""], ["Var(T×R)", S.f(c.varTR, 8), ""],
                            ["Cov1", S.f(c.cov1, 8), S.f(c.correlation1, 6)], ["Cov2", S.f(c.cov2, 8), S.f(c.correlation2, 6)],
                            ["Cov3", S.f(c.cov3, 8), S.f(c.correlation3, 6)], ["Var(error)", S.f(c.variance, 8), ""]]))
        if let dbm {
            out.append("")
            let ms = dbm.meanSquares, df = dbm.degreesOfFreedom
            out.append(S.table([["DBM source", "df", "mean square"],
                                ["T", S.f(df.T, 0), S.f(ms.T, 8)], ["R", S.f(df.R, 0), S.f(ms.R, 8)], ["C", S.f(df.C, 0), S.f(ms.C, 8)],
                                ["T×R", S.f(df.TR, 0), S.f(ms.TR, 8)], ["T×C", S.f(df.TC, 0), S.f(ms.TC, 8)],
                                ["R×C", S.f(df.RC, 0), S.f(ms.RC, 8)], ["T×R×C", S.f(df.TRC, 0), S.f(ms.TRC, 8)]]))
        }
        return out.joined(separator: "\n")
    }
}
