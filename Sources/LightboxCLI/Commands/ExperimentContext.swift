import Foundation
import Ledger
import ReaderStudy
import Worklist

/// An experiment as the coordinator commands need it: the stored design, its
/// assignment table, the ledger it lives in and the library its cases come from.
struct ExperimentContext {
    let ledger: LedgerStore
    let design: ExperimentDesign
    let table: AssignmentTable
    /// The library given at `experiment create` (stored beside the design), or `--library`.
    let libraryPath: String?
    /// The design JSON exactly as the ledger stores it: its SHA-256 is what exports and the audit vouch for.
    let storedDesign: String

    /// The ledger file: --db, or the default under $XDG_DATA_HOME (whose folder the ledger
    /// makes). An explicit --db in a folder that does not exist is refused rather than the folder
    /// silently created: it is usually a typo (QA defect 7a).
    static func ledgerPath(_ db: String?) throws -> String {
        guard let db else { return LedgerStore.defaultPath(environment: DataPaths.environment) }
        let folder = (db as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw ExperimentCommandError.noLedgerFolder(path: db, folder: folder)
        }
        return db
    }

    /// The stored form: the design's own JSON with one extra key, `library`.
    /// Decoders of `ExperimentDesign` ignore the extra key, so the reading
    /// screen can decode the same text.
    static func storedJSON(design: ExperimentDesign, library: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var object = try JSONSerialization.jsonObject(with: try encoder.encode(design)) as? [String: Any] ?? [:]
        object["library"] = library
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private struct LibraryKey: Decodable { var library: String? }

    static func open(name: String, db: String?, library: String? = nil, readOnly: Bool = false,
                     wallClock: (@Sendable () -> Double)? = nil) throws -> ExperimentContext {
        let path = try ledgerPath(db)
        // No ledger file, no experiment: never create an empty ledger on the way to saying so.
        if !FileManager.default.fileExists(atPath: path) {
            throw ExperimentCommandError.noLedger(experiment: name, path: path)
        }
        let ledger = if let wallClock {
            try LedgerStore(path: path, readOnly: readOnly, wallClock: wallClock)
        } else {
            try LedgerStore(path: path, readOnly: readOnly)
        }
        guard let record = try ledger.experiment(named: name) else { throw ExperimentCommandError.unknownExperiment(name) }
        let data = Data(record.design.utf8)
        let design: ExperimentDesign
        do { design = try JSONDecoder().decode(ExperimentDesign.self, from: data) } catch {
            throw ExperimentCommandError.invalid(field: "experiment \(name)", problem: "the stored design cannot be read by this Lightbox")
        }
        let stored = (try? JSONDecoder().decode(LibraryKey.self, from: data))?.library
        // The stored rows are the randomisation of record; regenerating from the
        // design restores the fields the ledger does not keep (groups, blocks)
        // and proves the rows were not altered.
        let table = try AssignmentTable.generate(for: design)
        let rows = try ledger.assignments(experiment: name)
        let expected = table.rows.map { AssignmentRow(reader: $0.reader, study: $0.caseID, session: $0.session, arm: $0.arm.rawValue, order: $0.order) }
        guard Set(rows) == Set(expected) else {
            throw ExperimentCommandError.invalid(field: "experiment \(name)",
                                                 problem: "the stored assignment table differs from the one its design generates")
        }
        return ExperimentContext(ledger: ledger, design: design, table: table, libraryPath: library ?? stored, storedDesign: record.design)
    }

    /// The library's studies by id.
    func studiesByID() throws -> [String: Study] {
        Dictionary(try loadLibrary().studies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `ids` from `byID` in order; a case the library lacks is refused in one line.
    func cases(_ ids: [String], in byID: [String: Study]) throws -> [Study] {
        try ids.map { id in
            guard let study = byID[id] else {
                throw ExperimentCommandError.library(field: id, problem: "the experiment's case is not in the library \(libraryPath ?? "")")
            }
            return study
        }
    }

    /// Every case of the design, in design order.
    func caseStudies() throws -> [Study] { try cases(design.caseIDs, in: try studiesByID()) }

    func loadLibrary() throws -> StudyLibrary {
        guard let libraryPath else {
            throw ExperimentCommandError.library(field: "--library", problem: "the experiment does not name its library; pass --library DIR")
        }
        return try StudyLibrary.load(root: libraryPath)
    }

    /// Signed reads of this experiment, oldest first.
    func signedReads() throws -> [Ledger.SignedRead] {
        try ledger.signedReads(reader: nil).filter { $0.context.experiment == design.name }
    }

    /// The final sign of each assignment (the second pass under the sequential arm).
    func completions(_ reads: [Ledger.SignedRead]) -> [CaseCompletion] {
        reads.compactMap { read in
            guard let arm = read.context.arm.flatMap(StudyArm.init(rawValue:)), let session = read.context.session,
                  read.context.pass == ArmPolicy(arm: arm).passes.count else { return nil }
            return CaseCompletion(reader: read.reader, caseID: read.study, session: session,
                                  signedAt: Date(timeIntervalSince1970: read.signedWallTime))
        }
    }
}
