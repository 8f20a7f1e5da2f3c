import Foundation

/// The checks RJafroc's `ReadImrmc` (R/DfReadIowaFormats.R, via
/// `DfReadDataFile(format = "iMRMC")`) makes, re-stated in Swift from reading
/// that function, so a test can say "RJafroc would load this file" without R.
/// What it does, in order: refuse a name not ending in `.imrmc`; trim every
/// line; find `N0`, `N1`, `NR`, `NM` as the text before a line's first colon,
/// scanning forward from the top; then a line that is exactly `BEGIN DATA:`;
/// skip blank lines; take rows while a line splits on bare commas into exactly
/// four pieces; case ids and ratings must be numbers; the distinct cases must
/// number N0 + N1, each with a truth row (reader -1, truth 0 or 1); readers are
/// the non-truth rows' reader ids read as integers (names become NA and drop
/// out, so NR no longer matches); modalities must number NM; and each
/// modality × reader × case must have exactly one rating (it fills arrays).
public enum RJafrocReadImrmc {
    public struct Dataset: Equatable, Sendable {
        public var normalCount: Int, abnormalCount: Int
        /// Sorted as RJafroc sorts them: readers as integers, modalities as text.
        public var readers: [Int], modalities: [String]
        /// Rating of modality × reader × case number.
        public var ratings: [String: Double]
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func read(text: String, fileName: String) throws -> Dataset {
        func stop(_ message: String) -> Failure { Failure(message: message) }
        guard (fileName as NSString).pathExtension == "imrmc" else { throw stop("The extension of iMRMC file name must be *.imrmc") }
        // R's readLines: a final newline does not make an extra line.
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        lines = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        var header: [String: Double] = [:]
        for _ in 0..<4 {
            while true {
                guard index < lines.count else { throw stop("ran out of lines looking for N0/N1/NR/NM") }
                let key = lines[index].components(separatedBy: ":").first ?? ""
                if ["N0", "N1", "NR", "NM"].contains(key) { break }
                index += 1
            }
            let parts = lines[index].components(separatedBy: ":")
            // as.numeric: surrounding blanks allowed, anything else is NA.
            guard parts.count > 1, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw stop("\(parts[0]) is not a number")
            }
            header[parts[0]] = value
            index += 1
        }
        guard let k1 = header["N0"], let k2 = header["N1"], let j = header["NR"], let i = header["NM"] else {
            throw stop("a header key is given twice and another is missing")
        }
        while index < lines.count && lines[index] != "BEGIN DATA:" { index += 1 }
        guard index < lines.count else { throw stop("no BEGIN DATA: line after the header") }
        index += 1
        while index < lines.count && lines[index].isEmpty { index += 1 }
        var table: [[String]] = []
        while index < lines.count {
            // strsplit(fixed = TRUE) keeps inner empty pieces and drops a trailing one.
            var pieces = lines[index].components(separatedBy: ",")
            if pieces.last == "" { pieces.removeLast() }
            guard pieces.count == 4 else { break }
            table.append(pieces)
            index += 1
        }
        func number(_ s: String) -> Double? { Double(s.trimmingCharacters(in: .whitespaces)) }
        let caseIDs = table.map { number($0[1]) }
        if caseIDs.contains(where: { $0 == nil }) { throw stop("Case IDs must be integers.") }
        if table.contains(where: { number($0[3]) == nil }) { throw stop("Ratings must be numeric.") }
        let distinctCases = Set(caseIDs.compactMap { $0 })
        guard Double(distinctCases.count) == k1 + k2 else {
            throw stop("The number of cases in the dataset is different from the number in the study description.")
        }
        let truthRows = table.filter { number($0[0]) == -1 }
        let truthCases = Set(truthRows.compactMap { number($0[1]) })
        if let missing = distinctCases.sorted().first(where: { !truthCases.contains($0) }) {
            throw stop("Case \(Int(missing)) cannot be found in rows recording truth states.")
        }
        guard truthRows.allSatisfy({ number($0[3]) == 0 || number($0[3]) == 1 }) else {
            throw stop("Cases' truth states must be 0 or 1.")
        }
        let normal = Set(truthRows.filter { number($0[3]) == 0 }.compactMap { number($0[1]) })
        let abnormal = Set(truthRows.filter { number($0[3]) == 1 }.compactMap { number($0[1]) })
        let ratingRows = table.filter { number($0[0]) != -1 && (normal.contains(number($0[1])!) || abnormal.contains(number($0[1])!)) }
        // sort(as.integer(...)) drops the NA a name turns into.
        let readers = Set(ratingRows.map(\.[0])).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.sorted()
        guard Double(readers.count) == j else {
            throw stop("The number of readers in the dataset is different from the number in the study description.")
        }
        let modalities = Set(ratingRows.map(\.[2])).sorted()
        guard Double(modalities.count) == i else {
            throw stop("The number of treatments in the dataset is different from the number in the study description.")
        }
        var ratings: [String: Double] = [:]
        for modality in modalities {
            for reader in readers {
                for caseID in normal.union(abnormal).sorted() {
                    // Readers are compared as the text of the sorted integers.
                    let hits = ratingRows.filter { $0[0] == String(reader) && $0[2] == modality && number($0[1]) == caseID }
                    guard hits.count == 1 else {
                        throw stop("modality \(modality), reader \(reader), case \(Int(caseID)): \(hits.count) ratings where the arrays need exactly one")
                    }
                    ratings["\(modality)|\(reader)|\(Int(caseID))"] = number(hits[0][3])
                }
            }
        }
        return Dataset(normalCount: normal.count, abnormalCount: abnormal.count, readers: readers, modalities: modalities, ratings: ratings)
    }
}
