import Common
import Foundation

/// `--format imrmc`: the iMRMC list format, written so that both of its
/// readers take it. The iMRMC program (Java) and RJafroc's `ReadImrmc` each
/// find `N0:`/`N1:`/`NR:`/`NM:` by text anywhere before `BEGIN DATA:`, split
/// data rows on bare commas without quoting, and RJafroc turns reader and case
/// ids into numbers (a name reads as NA and stops it). So the file holds only
/// numbers and treatment names, and the ids live in a mapping file beside it
/// (`idsCSV`, RFC 4180 quoted) that leads each number back to the study's id.
public struct IMRMCExport: Sendable, Equatable {
    /// The `.imrmc` file: description lines, `N0`/`N1`/`NR`/`NM`, `BEGIN DATA:`,
    /// truth rows `-1,case,0,truth`, then `reader,case,treatment,rating`.
    public let text: String
    /// `kind,number,id` with one row per reader and per case in `text`.
    public let idsCSV: String

    public static let idsHeader = ["kind", "number", "id"]
}

extension ExportTable {
    /// - Parameter description: free text for the top of the file; colons become
    ///   " -" so no line can pass for a header key or for `BEGIN DATA:`, and a
    ///   line either reader would misread gets a "- " in front.
    public func imrmc(description: [String]) throws(ReaderStudyError) -> IMRMCExport {
        for treatment in treatments where treatment.isEmpty || treatment.unicodeScalars.contains(where: Self.breaksIMRMC) {
            // iMRMC deletes blanks inside ids and both readers split on bare commas.
            throw .invalidInput(field: "treatment \"\(treatment)\"", problem: "an iMRMC modality id must be one word without commas, quotes or colons")
        }
        let normal = truths.filter { $0.truth == 0 }.count
        var lines = description.flatMap { $0.split(whereSeparator: \.isNewline) }.map { line -> String in
            let text = line.replacingOccurrences(of: ":", with: " -")
            // RJafroc compares a colon-free line whole with N0/N1/NR/NM, and iMRMC stops
            // reading at a line of one character (it looks at the last two).
            let risky = ["N0", "N1", "NR", "NM"].contains(text.trimmingCharacters(in: .whitespaces).uppercased()) || text.count == 1
            return risky ? "- " + text : text
        }
        lines += ["N0: \(normal)", "N1: \(truths.count - normal)", "NR: \(readers.count)", "NM: \(treatments.count)", "BEGIN DATA:"]
        lines += truths.map { "-1,\($0.number),0,\($0.truth)" }
        var ratings: [(reader: Int, row: LongRow)] = []
        for row in rows {
            // The initialiser refused readers outside the numbering.
            guard let number = readerNumbering.number(of: row.reader) else { continue }
            ratings.append((number, row))
        }
        ratings.sort { ($0.reader, $0.row.treatment, $0.row.caseNumber) < ($1.reader, $1.row.treatment, $1.row.caseNumber) }
        lines += ratings.map { "\($0.reader),\($0.row.caseNumber),\($0.row.treatment),\(ExportFormatting.number($0.row.rating))" }

        var ids = [CSVField.line(IMRMCExport.idsHeader)]
        let readerNumbers = Set(ratings.map(\.reader))
        for (index, reader) in readerNumbering.caseIDs.enumerated() where readerNumbers.contains(index + 1) {
            ids.append(CSVField.line(["reader", String(index + 1), reader]))
        }
        for (number, _) in truths {
            ids.append(CSVField.line(["case", String(number), numbering.caseIDs[number - 1]]))
        }
        return IMRMCExport(text: lines.joined(separator: "\n") + "\n", idsCSV: ids.joined(separator: "\n") + "\n")
    }

    static func breaksIMRMC(_ c: Unicode.Scalar) -> Bool {
        c == "," || c == "\"" || c == ":" || c.properties.isWhitespace
    }
}
