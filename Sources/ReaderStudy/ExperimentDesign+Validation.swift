extension ExperimentDesign {
    /// Throws the first problem found, naming the field.
    public func validate() throws(ReaderStudyError) {
        func fail(_ field: String, _ problem: String) -> ReaderStudyError {
            .invalidDesign(field: field, problem: problem)
        }
        if name.isEmpty || !name.unicodeScalars.allSatisfy(Self.isNameCharacter) {
            throw fail("name", "use letters, digits, '-', '_' or '.' (got \"\(name)\")")
        }
        if readers.isEmpty { throw fail("readers", "at least one reader is needed") }
        for reader in readers where reader.isEmpty || !reader.unicodeScalars.allSatisfy(Self.isNameCharacter) {
            throw fail("readers", "reader id \"\(reader)\" must use letters, digits, '-', '_' or '.'")
        }
        if let duplicate = Self.firstDuplicate(readers) {
            throw fail("readers", "reader \(duplicate) is listed twice")
        }
        try validateAccounts()
        if arms.isEmpty { throw fail("arms", "at least one arm is needed") }
        if let duplicate = Self.firstDuplicate(arms) {
            throw fail("arms", "arm \(duplicate.rawValue) is listed twice")
        }
        if design != .fullyCrossed && arms.count < 2 {
            throw fail("arms", "a \(design.rawValue) design compares at least two arms")
        }
        if sessions != arms.count {
            throw fail("sessions", "a \(design.rawValue) design with \(arms.count) arm(s) has \(arms.count) session(s), not \(sessions)")
        }
        if washoutDays < 0 { throw fail("washoutDays", "must not be negative (got \(washoutDays))") }
        if caseIDs.isEmpty { throw fail("cases", "at least one case is needed") }
        // Commas and quotes are fine: every CSV export quotes (CSVField) and the imrmc file
        // holds numbers only. A line break would still split line-based tools' records.
        for caseID in caseIDs where caseID.isEmpty || caseID.contains(where: \.isNewline) {
            throw fail("cases", "case id \"\(caseID)\" must be non-empty without line breaks")
        }
        if let duplicate = Self.firstDuplicate(caseIDs) {
            throw fail("cases", "case \(duplicate) is listed twice")
        }
        let plots = design == .splitPlot ? readerGroups : 1
        if design == .splitPlot {
            if readerGroups < 2 { throw fail("readerGroups", "a split-plot design needs at least 2 groups (got \(readerGroups))") }
            if readers.count < readerGroups {
                throw fail("readers", "\(readers.count) reader(s) cannot fill \(readerGroups) split-plot groups")
            }
        }
        let blocksPerPlot = design == .fullyCrossed ? 1 : arms.count
        if caseIDs.count < plots * blocksPerPlot {
            throw fail("cases", "\(caseIDs.count) case(s) cannot fill \(plots * blocksPerPlot) case blocks; need at least that many")
        }
    }

    /// Things a coordinator should see but may accept.
    public var warnings: [String] {
        var notes: [String] = []
        if sessions > 1 && washoutDays < Self.recommendedWashoutDays {
            notes.append("washout of \(washoutDays) days is shorter than the usual \(Self.recommendedWashoutDays) (4 weeks)")
        }
        let plots = design == .splitPlot ? max(readerGroups, 1) : 1
        if readers.count < plots * arms.count {
            notes.append("\(readers.count) reader(s) cannot cover every arm order in every group: counterbalancing is incomplete")
        } else if readers.count % (plots * arms.count) != 0 {
            notes.append("\(readers.count) reader(s) do not divide evenly into \(plots * arms.count) arm-order groups; the earlier groups get one more")
        }
        return notes
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            && scalar.isASCII
    }

    static func firstDuplicate<T: Hashable>(_ items: [T]) -> T? {
        var seen = Set<T>()
        for item in items where !seen.insert(item).inserted { return item }
        return nil
    }
}
