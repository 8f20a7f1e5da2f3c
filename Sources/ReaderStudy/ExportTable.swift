import Foundation

/// The pure part of `lightbox export`: checked rows from signed reads and the
/// reference truth, and the text of each format. The CLI reads the ledger and
/// writes the file.
public struct ExportTable: Sendable, Equatable {
    public let numbering: CaseNumbering
    /// Integer reader ids 1…R in the design's reader order (iMRMC and RJafroc's
    /// `ReadImrmc` take only numbers).
    public let readerNumbering: CaseNumbering
    /// Sorted by reader, treatment, case number.
    public let rows: [LongRow]
    /// Truth (0/1) of every case that was read, by case number.
    public let truths: [(number: Int, truth: Int)]

    /// - Parameters:
    ///   - truths: 0 (finding absent) or 1 (present) per case id, from the reference.
    ///   - caseOrder: the design's case order; it fixes the integer case ids.
    ///   - readerOrder: the design's reader order, which fixes the integer reader
    ///     ids; nil numbers the readers of `reads` in sorted order.
    public init(reads: [SignedRead], truths: [String: Int], caseOrder: [String],
                readerOrder: [String]? = nil) throws(ReaderStudyError) {
        numbering = CaseNumbering(caseIDs: caseOrder)
        readerNumbering = CaseNumbering(caseIDs: readerOrder ?? Array(Set(reads.map(\.reader))).sorted())
        var rows: [LongRow] = []
        var seen = Set<String>()
        for read in reads {
            let whereabouts = "read of case \(read.caseID) by \(read.reader)"
            // Commas and quotes are quoted on the way out (CSVField); a line break would
            // still split the record for line-based tools, so it is refused.
            guard !read.reader.isEmpty, !read.reader.contains(where: \.isNewline) else {
                throw .invalidInput(field: "reader \"\(read.reader)\"", problem: "reader ids must be non-empty, without line breaks")
            }
            guard readerNumbering.number(of: read.reader) != nil else {
                throw .invalidInput(field: whereabouts, problem: "the reader is not in the experiment's reader list")
            }
            guard let number = numbering.number(of: read.caseID) else {
                throw .invalidInput(field: whereabouts, problem: "the case is not in the experiment's case list")
            }
            guard let truth = truths[read.caseID] else {
                throw .invalidInput(field: whereabouts, problem: "the case has no reference truth")
            }
            guard truth == 0 || truth == 1 else {
                throw .invalidInput(field: "truth of case \(read.caseID)", problem: "must be 0 or 1 (got \(truth))")
            }
            guard read.rating.isFinite else {
                throw .invalidInput(field: whereabouts, problem: "the rating is not a finite number")
            }
            guard seen.insert("\(read.reader)\u{1F}\(read.treatment)\u{1F}\(read.caseID)").inserted else {
                throw .invalidInput(field: whereabouts, problem: "signed twice under \(read.treatment)")
            }
            rows.append(LongRow(reader: read.reader, treatment: read.treatment, caseNumber: number, truth: truth,
                                rating: read.rating, caseID: read.caseID, session: read.session, timing: read.timing))
        }
        rows.sort { ($0.reader, $0.treatment, $0.caseNumber) < ($1.reader, $1.treatment, $1.caseNumber) }
        self.rows = rows
        var caseTruths: [Int: Int] = [:]
        for row in rows { caseTruths[row.caseNumber] = row.truth }
        self.truths = caseTruths.keys.sorted().map { ($0, caseTruths[$0]!) }
    }

    public var readers: [String] { Array(Set(rows.map(\.reader))).sorted() }
    public var treatments: [String] { Array(Set(rows.map(\.treatment))).sorted() }

    /// `--format long`: a header and one line per signed pass.
    public var longCSV: String {
        ([LongRow.header] + rows.map(\.csvLine)).joined(separator: "\n") + "\n"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.numbering == rhs.numbering && lhs.readerNumbering == rhs.readerNumbering && lhs.rows == rhs.rows
            && lhs.truths.map(\.number) == rhs.truths.map(\.number) && lhs.truths.map(\.truth) == rhs.truths.map(\.truth)
    }
}
