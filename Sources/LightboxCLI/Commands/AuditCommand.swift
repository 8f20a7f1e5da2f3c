import ArgumentParser
import Foundation
import Ledger
import ReaderStudy

/// `lightbox audit NAME [--json]`: the sponsor's page (ExperimentAudit). It
/// reads every reader's record, so it is a coordinator's tool.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "One page a sponsor can file: design and hashes, sessions and washouts, models, chain check, anomalies.")

    @Argument(help: "Experiment name.") var name: String
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Flag(help: "JSON instead of text.") var json = false

    func run() throws {
        try reportingErrors {
            let context = try ExperimentContext.open(name: name, db: db, readOnly: true)
            let audit = try Self.audit(context)
            print(json ? try audit.json() : audit.text, terminator: "")
        }
    }

    static func audit(_ context: ExperimentContext) throws -> ExperimentAudit {
        let ledger = context.ledger
        let name = context.design.name
        let signedReads = try context.signedReads()
        let signed = Dictionary(signedReads.map { ($0.readID, $0) }, uniquingKeysWith: { a, _ in a })
        let reads = try ExperimentReads.collectEvents(context).map { read, events in
            ExperimentAudit.Read(reader: read.reader, caseID: read.study, session: read.context.session ?? 0,
                                 arm: read.context.arm ?? "", pass: read.context.pass, events: events.map(\.event),
                                 signed: signed[read.id]?.decisions, signedWallTime: signed[read.id]?.signedWallTime)
        }
        let cases = Set(context.design.caseIDs)
        let results = try ledger.aiResults().filter { cases.contains($0.study) }
        let models = try ledger.experimentModels(name).map { m in
            ExperimentAudit.Model(task: m.task, fingerprint: m.model, results: results.filter { $0.model == m.model }.count)
        }
        let report = try ledger.verifyChain()
        let chain = ExperimentAudit.Chain(intact: report.isIntact, events: report.eventCount, signedReads: report.signedReadCount,
                                          head: report.headHash, problem: report.problem?.description)
        let accounts = try ledger.appSessions().filter { $0.experiment == name }.map { (reader: $0.reader, session: $0.session, account: $0.osAccount) }
        return ExperimentAudit(design: context.design, storedDesign: context.storedDesign, table: context.table, reads: reads,
                               completions: context.completions(signedReads),
                               models: models, chain: chain, accounts: accounts, generatedAt: Date().timeIntervalSince1970)
    }
}
