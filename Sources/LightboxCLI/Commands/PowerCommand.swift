import ArgumentParser
import Foundation
import Statistics

/// `lightbox power PILOT --format long|imrmc [--readers J] [--cases K] [--effect D] …`
struct PowerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "power",
        abstract: "Readers and cases needed for an MRMC ROC study (Hillis–Obuchowski, from pilot variance components).",
        discussion: """
        Estimates Obuchowski–Rockette variance components from a pilot rating file (jackknife), then \
        gives the power for --readers and --cases, or the cases needed for --power at each reader count. \
        The effect is the AUC difference to detect (default: the pilot's observed difference).
        """
    )

    @Argument(help: "Pilot ratings file.") var file: String
    @Option(help: "Input format: long or imrmc.") var format: AnalyzeMRMCCommand.Format = .long
    @Option(help: "Number of readers (default: a table for 3…15).") var readers: Int?
    @Option(help: "Number of cases: report the power for these readers and cases.") var cases: Int?
    @Option(help: "AUC difference to detect.") var effect: Double?
    @Option(help: "Target power.") var power: Double = 0.8
    @Option(help: "Significance level.") var alpha: Double = 0.05
    @Option(help: "rrrc, frrc or rrfc.") var analysis: AnalyzeMRMCCommand.Analysis = .rrrc
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try reportingErrors {
            let text = try AnalyzeSupport.readText(file)
            let data = format == .long ? try MRMCDataset.parseLong(text: text, source: file) : try MRMCDataset.parseIMRMC(text: text, source: file)
            let or = ORAnalysis(data)
            let planner = HillisObuchowskiPower(components: or.components, pilotCases: data.cases.count)
            let d = effect ?? abs(or.treatmentAUC[0] - or.treatmentAUC[1])
            guard d > 0 else { throw ValidationError("the effect must be positive (the pilot shows no difference; give --effect)") }
            let kind = HillisObuchowskiPower.Analysis(rawValue: analysis.rawValue)!
            let results: [HillisObuchowskiPower.Result?]
            if let cases {
                guard let readers else { throw ValidationError("--cases needs --readers") }
                results = [planner.power(readers: readers, cases: cases, effect: d, alpha: alpha, analysis: kind)]
            } else {
                results = (readers.map { [$0] } ?? Array(3...15)).map { planner.cases(readers: $0, effect: d, target: power, alpha: alpha, analysis: kind) }
            }
            if json {
                try AnalyzeSupport.printJSON([
                    "effect": d, "alpha": alpha, "analysis": analysis.rawValue, "targetPower": power,
                    "results": results.compactMap { $0 }.map { r -> [String: Any] in
                        ["readers": r.readers, "cases": r.cases, "power": r.power, "noncentrality": r.noncentrality, "ddf": r.ddf as Any]
                    },
                ])
                return
            }
            typealias S = AnalyzeSupport
            print("\(file): pilot of \(data.readers.count) readers, \(data.cases.count) cases; AUC difference \(S.f(d, 4)), alpha \(alpha), \(analysis.rawValue)")
            var rows = [["readers", "cases", "power", "ncp", "ddf"]]
            for (i, r) in results.enumerated() {
                if let r {
                    rows.append(["\(r.readers)", "\(r.cases)", S.f(r.power, 4), S.f(r.noncentrality, 3), r.ddf.map { S.f($0, 2) } ?? "∞"])
                } else {
                    rows.append(["\(readers ?? (3 + i))", "> 100000", "", "", ""])
                }
            }
            print(S.table(rows))
        }
    }
}
