import Foundation
import ReaderStudy
import Statistics

/// The numbers of `lightbox experiment report`, computed once and printed as
/// text or JSON: accuracy per treatment, the OR MRMC analysis, the reading-time
/// effect and the automation-bias table.
struct ExperimentReport {
    struct Accuracy {
        var treatment: String
        var reads: Int
        var sensitivity: Proportion?
        var specificity: Proportion?
    }

    var table: ExportTable
    var accuracy: [Accuracy]
    var mrmc: ORAnalysis?
    var mrmcProblem: String?
    var time: ReadingTimeEffect?
    var timeProblem: String?
    var bias: AutomationBias
    var reads: ExperimentReads

    init(context: ExperimentContext, truth: ExperimentTruth, rules: TimingRules) throws {
        reads = try ExperimentReads.collect(context, truth: truth, rules: rules,
                                       scale: context.design.ratingScale ?? .callWithConfidence)
        table = try ExportTable(reads: reads.passes.map(\.export), truths: truth.truths, caseOrder: context.design.caseIDs)
        var accuracy: [Accuracy] = []
        for treatment in table.treatments {
            let passes = reads.passes.filter { $0.export.treatment == treatment }
            let positives = passes.filter { truth.truths[$0.signed.study] == 1 }
            let negatives = passes.filter { truth.truths[$0.signed.study] == 0 }
            accuracy.append(Accuracy(
                treatment: treatment, reads: passes.count,
                sensitivity: positives.isEmpty ? nil : Proportion(successes: positives.filter { $0.call == true }.count, trials: positives.count),
                specificity: negatives.isEmpty ? nil : Proportion(successes: negatives.filter { $0.call != true }.count, trials: negatives.count)))
        }
        self.accuracy = accuracy
        if table.rows.isEmpty {
            mrmcProblem = "no signed reads yet"
        } else {
            do {
                let data = try MRMCDataset.parseLong(text: table.longCSV, source: "experiment \(context.design.name)")
                if data.treatments.count < 2 || data.readers.count < 2 {
                    mrmcProblem = "needs at least 2 treatments and 2 readers with complete reads"
                } else {
                    mrmc = ORAnalysis(data)
                }
            } catch {
                // Unfinished or split-plot studies are not fully crossed: say why, report the rest.
                mrmcProblem = (error as? StatisticsError).map { $0.problem } ?? "\(error)"
            }
        }
        let timed = reads.passes.compactMap { pass -> TimedRead? in
            guard pass.arm != .sequential, let active = pass.export.timing?.active, active > 0 else { return nil }
            return TimedRead(reader: pass.signed.reader, caseID: pass.signed.study, aided: pass.arm == .aided, seconds: active)
        }
        do { time = try ReadingTimeEffect(reads: timed) } catch {
            timeProblem = (error as? StatisticsError).map { $0.problem } ?? "\(error)"
        }
        bias = AutomationBias(decisions: reads.aiDecisions(truth: truth))
    }

    /// Active seconds per reader × treatment, for the plot and the text.
    func activeTimes() -> [(reader: String, treatment: String, seconds: [Double])] {
        var out: [(String, String, [Double])] = []
        for reader in table.readers {
            for treatment in table.treatments {
                let values = table.rows.filter { $0.reader == reader && $0.treatment == treatment }.compactMap { $0.timing?.active }
                if !values.isEmpty { out.append((reader, treatment, values)) }
            }
        }
        return out
    }
}
