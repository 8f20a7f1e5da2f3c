/// The two export formats of the experiments issue.
extension MRMCDataset {
    /// Long format, one row per reading: `reader,treatment,case,truth,rating` (column order free,
    /// extra columns ignored; `modality` is accepted for treatment and `score` for rating) — what
    /// RJafroc and MRMCaov read.
    public static func parseLong(text: String, source: String) throws -> MRMCDataset {
        let table = try CSVTable(text: text, source: source)
        let reader = try table.requireColumn("reader", "readerID")
        let treatment = try table.requireColumn("treatment", "modality", "modalityID")
        let caseColumn = try table.requireColumn("case", "caseID")
        let truth = try table.requireColumn("truth")
        let rating = try table.requireColumn("rating", "score")
        var builder = Builder(source: source)
        for row in table.rows {
            let caseLabel = try table.cell(row, caseColumn)
            guard !caseLabel.isEmpty else {
                throw StatisticsError.input(source: source, line: row.line, column: caseColumn + 1, name: table.header[caseColumn], "empty case id")
            }
            try builder.setTruth(try table.truth(row, truth), case: caseLabel, line: row.line, column: truth + 1, name: table.header[truth])
            let value = try table.number(row, rating, what: "a numeric rating")
            try builder.add(rating: value, reader: try table.cell(row, reader), treatment: try table.cell(row, treatment),
                            case: caseLabel, line: row.line)
        }
        guard !table.rows.isEmpty else { throw StatisticsError.input(source: source, line: table.headerLine, "no data rows") }
        return try builder.build()
    }

    /// iMRMC list format: `readerID,caseID,modalityID,score`; truth rows have reader `-1` (or
    /// `truth`) and score 0/1. An optional free-text preamble ends at a `BEGIN DATA:` line; the
    /// data may then start with or without a header row.
    public static func parseIMRMC(text: String, source: String) throws -> MRMCDataset {
        // Blank out a preamble instead of cutting it, so line numbers stay those of the file.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let begin = lines.firstIndex(where: { $0.trimmingCharacters().uppercased().hasPrefix("BEGIN DATA") }) {
            for i in 0...begin { lines[i] = "" }
        }
        let first = lines.first { !$0.trimmingCharacters().isEmpty } ?? ""
        let fields = first.split(separator: ",").map { String($0).trimmingCharacters() }
        let hasHeader = fields.count >= 4 && Double(fields[3]) == nil
        let table = try CSVTable(text: lines.joined(separator: "\n"), source: source,
                                 header: hasHeader ? nil : ["readerID", "caseID", "modalityID", "score"])
        let reader = try table.requireColumn("readerID", "reader")
        let caseColumn = try table.requireColumn("caseID", "case")
        let modality = try table.requireColumn("modalityID", "modality", "treatment")
        let score = try table.requireColumn("score", "rating")
        var builder = Builder(source: source)
        for row in table.rows {
            let line = row.line
            let readerLabel = try table.cell(row, reader)
            let caseLabel = try table.cell(row, caseColumn)
            guard !caseLabel.isEmpty else {
                throw StatisticsError.input(source: source, line: line, column: caseColumn + 1, name: table.header[caseColumn], "empty case id")
            }
            if readerLabel == "-1" || readerLabel.lowercased() == "truth" {
                let v = try table.number(row, score, what: "a truth value 0 or 1")
                guard v == 0 || v == 1 else {
                    throw StatisticsError.input(source: source, line: line, column: score + 1, name: table.header[score], "truth must be 0 or 1")
                }
                try builder.setTruth(v == 1, case: caseLabel, line: line, column: score + 1, name: table.header[score])
            } else {
                let v = try table.number(row, score, what: "a numeric score")
                try builder.add(rating: v, reader: readerLabel, treatment: try table.cell(row, modality), case: caseLabel, line: line)
            }
        }
        return try builder.build()
    }
}
