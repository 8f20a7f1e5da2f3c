import Foundation

/// The input rules of the iMRMC program (DIDSR/iMRMC, Java `InputFile`:
/// `getExperimentSizeFromHeader`, `parseObserverData`, `verifySizesAndGetIDs`,
/// `processScoresAndTruth`), re-stated in Swift from reading it. In short: the
/// name ends in .imrmc, .csv or .omrmc; a trailing "," or ",," is cut from each
/// line (a line of one character stops the reading); every line before one
/// that starts (upper-cased) with `BEGIN DATA:` is description, and any such line containing `N0:`, `N1:`, `NR:` or `NM:`
/// anywhere must have an integer after its first three characters; every line
/// after `BEGIN DATA:` is a row (a blank line is an error), split on commas
/// into at least four fields with all whitespace deleted; truth rows have
/// reader `-1` or `truth`, score exactly `0` or `1`, one per case; every rating
/// row's case needs truth; a reader × case × modality rated twice is an error;
/// counts that differ from the header, and a reader with fewer than two normal
/// or two diseased cases in a modality, are reported as warnings.
public enum IMRMCInputRules {
    public struct Study: Equatable, Sendable {
        public var readers: Int, normal: Int, disease: Int, modalities: Int
        public var ratings: Int
        /// What the program reports and then carries on (`dataCheckResults`, the
        /// too-few-cases notice); a clean export has none.
        public var warnings: [String]
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func read(text: String, fileName: String) throws -> Study {
        func fail(_ message: String) -> Failure { Failure(message: message) }
        guard ["csv", "imrmc", "omrmc"].contains((fileName as NSString).pathExtension) else {
            throw fail("Please choose .imrmc, .omrmc or .csv format inputfile.")
        }
        // BufferedReader.readLine: no extra line for a final newline.
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        // substring(length - 2) throws on a one-character line, and the program stops reading there.
        if let short = lines.firstIndex(where: { $0.count == 1 }) { throw fail("read record Error: line \(short + 1) has one character") }
        lines = lines.map { line in
            var line = line
            if line.hasSuffix(",,"), let r = line.range(of: ",,") { line = String(line[..<r.lowerBound]) }
            if line.hasSuffix(",") { line.removeLast() }
            return line
        }
        var header: [String: Int] = [:]
        var position = 0
        while true {
            guard position < lines.count else { throw fail("ERROR: Can't find BEGIN DATA") }
            let upper = lines[position].uppercased()
            if upper.hasPrefix("BEGIN DATA:") { break }
            for key in ["N0:", "N1:", "NR:", "NM:"] where upper.contains(key) {
                // substring(3): the program assumes the key starts the line.
                guard let value = Int(String(upper.dropFirst(3)).trimmingCharacters(in: .whitespaces)) else {
                    throw fail("Found \(key) Text following is not an integer \(upper)")
                }
                header[key] = value
            }
            position += 1
        }
        var rows: [[String]] = []
        for (offset, line) in lines[(position + 1)...].enumerated() {
            // Java's split drops trailing empty strings.
            var fields = line.components(separatedBy: ",")
            while fields.last == "" { fields.removeLast() }
            guard fields.count >= 4 else { throw fail("ERROR: Invalid input row = \(position + offset + 2)") }
            rows.append(fields.prefix(4).map { $0.filter { !$0.isWhitespace } })
        }
        func isTruth(_ reader: String) -> Bool { reader == "truth" || reader == "-1" }
        var normal = Set<String>(), disease = Set<String>()
        for row in rows where isTruth(row[0]) {
            if normal.contains(row[1]) || disease.contains(row[1]) { throw fail("ERROR: Duplicate case found caseID = \(row[1])") }
            guard Int(row[3]) != nil else { throw fail("truth score \(row[3]) is not an integer") }
            if row[3] == "0" { normal.insert(row[1]) }
            if row[3] == "1" { disease.insert(row[1]) }
        }
        var readers = Set<String>(), modalities = Set<String>()
        var counts: [String: (normal: Int, disease: Int)] = [:]
        var seen = Set<String>()
        for row in rows where !isTruth(row[0]) {
            guard normal.contains(row[1]) || disease.contains(row[1]) else { throw fail("ERROR: No truth for case caseID = \(row[1])") }
            guard Double(row[3]) != nil else { throw fail("score \(row[3]) is not a number") }
            guard seen.insert("\(row[0])|\(row[1])|\(row[2])").inserted else {
                throw fail("ERROR: Replicate observation found readerID = \(row[0]) caseID = \(row[1]) modalityID = \(row[2])")
            }
            readers.insert(row[0]); modalities.insert(row[2])
            let key = "\(row[2])|\(row[0])"
            var count = counts[key] ?? (0, 0)
            if normal.contains(row[1]) { count.normal += 1 } else { count.disease += 1 }
            counts[key] = count
        }
        var warnings: [String] = []
        for (key, found) in [("NR:", readers.count), ("N0:", normal.count), ("N1:", disease.count), ("NM:", modalities.count)]
        where header[key] != found {
            warnings.append("\(key.dropLast()) Given = \(header[key].map(String.init) ?? "none") \(key.dropLast()) Found = \(found)")
        }
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) where min(count.normal, count.disease) < 2 {
            warnings.append("modality|reader \(key) reads less than 2 normal or less than 2 disease cases")
        }
        return Study(readers: readers.count, normal: normal.count, disease: disease.count, modalities: modalities.count,
                     ratings: seen.count, warnings: warnings)
    }
}
