import ArgumentParser
import Common
import Foundation
import Ledger
import ReaderStudy

/// `lightbox export NAME --format long|imrmc|json --out FILE`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an experiment's signed reads (long, iMRMC) or every event (json).",
        discussion: """
        long: reader,treatment,case,truth,rating,case_id,session,total_s,active_s,pre_ai_s,post_ai_s — one row per \
        signed pass (RJafroc, MRMCaov, `lightbox analyze mrmc --format long`), RFC 4180 quoted. imrmc: the iMRMC list \
        format (truth rows with reader -1) with numeric reader and case ids; --out must end in .imrmc, and OUT.ids.csv \
        maps the numbers back to ids. json: every event of every read with its hash. Every export writes OUT.meta.json \
        beside it: format version, design SHA-256, Lightbox version, models, file hashes. Ratings fold the reader's call and confidence \
        1–5 onto 1–10; times follow Docs/TIMING.md (idle threshold 60 s, cap). A coordinator's tool: it reads every \
        reader's reads and the reference.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case long, imrmc, json }

    @Argument(help: "Experiment name.") var name: String
    @Option(help: "long, imrmc or json.") var format: Format
    @Option(help: "Output file (written atomically; OUT.meta.json beside it, and OUT.ids.csv for imrmc).") var out: String
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Option(help: "The study library (default: the one given at create).") var library: String?
    @OptionGroup var timing: TimingOptions

    func run() throws {
        try reportingErrors {
            let rules = try timing.rules()
            if format == .imrmc { try Self.checkIMRMCName(out) }
            let context = try ExperimentContext.open(name: name, db: db, library: library, readOnly: true)
            // The design exactly as stored: its hash is what the sidecar vouches for.
            let stored = context.storedDesign
            var files: [(role: String, path: String, text: String)] = []
            var rows = 0
            switch format {
            case .json:
                let reads = try ExperimentReads.collectEvents(context)
                let (text, count) = try ExportCommand.jsonText(context: context, reads: reads)
                files.append(("data", out, text))
                rows = count
            case .long, .imrmc:
                let truth = try ExperimentTruth.load(library: try context.loadLibrary(), caseIDs: context.design.caseIDs)
                let reads = try ExperimentReads.collect(context, truth: truth, rules: rules,
                                                       scale: context.design.ratingScale ?? .callWithConfidence)
                let table = try ExportTable(reads: reads.passes.map(\.export), truths: truth.truths,
                                            caseOrder: context.design.caseIDs, readerOrder: context.design.readers)
                guard !table.rows.isEmpty else {
                    throw ExperimentCommandError.invalid(field: "experiment \(name)", problem: "no signed reads to export yet")
                }
                if format == .long {
                    files.append(("data", out, table.longCSV))
                } else {
                    let ids = ExportMetadata.idsPath(for: out)
                    let export = try table.imrmc(description: [
                        "Lightbox experiment \(name) (\(context.design.design.rawValue))",
                        "truth from reference.json; rating = call x confidence on 1-10",
                        "reader and case numbers are mapped to ids in \((ids as NSString).lastPathComponent)",
                        "written by Lightbox \(LightboxVersion.current); design sha256 \(ExportMetadata.designHash(storedDesign: stored))",
                    ])
                    files.append(("data", out, export.text))
                    files.append(("ids", ids, export.idsCSV))
                }
                rows = table.rows.count
                if reads.missingConfidence > 0 {
                    FileHandle.standardError.write(Data("lightbox: warning: \(reads.missingConfidence) signed read(s) without confidence were rated as confidence 3\n".utf8))
                }
                if reads.undecided > 0 {
                    FileHandle.standardError.write(Data("lightbox: warning: \(reads.undecided) signed read(s) leave the question undecided; rated lowest-confidence absent\n".utf8))
                }
            }
            let metadata = ExportMetadata(
                format: format.rawValue, experiment: name, storedDesign: stored, lightboxVersion: LightboxVersion.current,
                models: try context.ledger.experimentModels(name).map(\.model), rows: rows,
                files: files.map { .init(role: $0.role, name: ($0.path as NSString).lastPathComponent, sha256: SHA256.hash($0.text)) },
                timing: format == .long ? rules : nil)
            let sidecar = ExportMetadata.sidecarPath(for: out)
            let sidecarText = try metadata.json()
            // Data first, the sidecar last: a sidecar on disk vouches (by hash) for files already written.
            for file in files { try ExportFile.writeAtomically(file.text, to: file.path) }
            try ExportFile.writeAtomically(sidecarText, to: sidecar)
            print("wrote \(out): \(rows) \(format == .json ? "event" : "rating") row(s)")
            for file in files.dropFirst() { print("wrote \(file.path): reader and case ids") }
            print("wrote \(sidecar): format \(format.rawValue) \(ExportMetadata.currentFormatVersion), design sha256, model identities, Lightbox version")
        }
    }

    /// RJafroc reads an iMRMC file only by the extension `.imrmc` (lower case), and the
    /// iMRMC program offers only such files. The name is refused rather than changed:
    /// the coordinator's scripts then find the file where they said it would be.
    static func checkIMRMCName(_ out: String) throws {
        guard (out as NSString).pathExtension != "imrmc" else { return }
        let stem = (out as NSString).deletingPathExtension
        throw ExperimentCommandError.output(path: out, problem: "an imrmc export must end in .imrmc (RJafroc and iMRMC read no other name); try --out \(stem.isEmpty ? out : stem).imrmc")
    }

    /// Every event of every read of the experiment (signed or not), in ledger order.
    static func jsonText(context: ExperimentContext, reads: [(ReadRecord, [StoredEvent])]) throws -> (String, Int) {
        var events: [[String: Any]] = []
        for (read, stored) in reads {
            for item in stored {
                let e = item.event
                var row: [String: Any] = [
                    "id": item.id, "read": read.id, "reader": read.reader, "case": read.study,
                    "session": read.context.session as Any, "arm": read.context.arm as Any, "pass": read.context.pass,
                    "kind": e.kind.rawValue, "appSession": e.appSession, "monotonicNanos": String(e.monotonicNanos),
                    "wallTime": e.wallTime, "hash": item.hash, "prevHash": item.prevHash,
                ]
                row["finding"] = e.finding ?? NSNull()
                row["value"] = e.value ?? NSNull()
                events.append(row)
            }
        }
        events.sort { ($0["id"] as? Int64 ?? 0) < ($1["id"] as? Int64 ?? 0) }
        let object: [String: Any] = ["experiment": context.design.name, "events": events]
        let data = try JSONSerialization.data(withJSONObject: AnalyzeSupport.sanitize(object), options: [.prettyPrinted, .sortedKeys])
        return (String(decoding: data, as: UTF8.self) + "\n", events.count)
    }
}
