extension PracticeFinding {
    /// Reader, model and reference compared pairwise.
    public func feedback() throws(ReaderStudyError) -> FindingFeedback {
        let readerRef = try compare(reader, reference)
        var difference: Double?
        if case .months = scale, let r = reader.flatMap(Double.init), let t = reference.flatMap(Double.init) {
            difference = r - t
        }
        return FindingFeedback(
            finding: finding, reader: reader, model: model, reference: reference,
            readerVsReference: readerRef, readerVsModel: try compare(reader, model),
            modelVsReference: try compare(model, reference), difference: difference)
    }

    /// Index of a value in the categories, or its months.
    func categoryIndex(_ value: String) throws(ReaderStudyError) -> Int {
        guard case .categorical(let labels) = scale else {
            throw .invalidInput(field: "finding \(finding)", problem: "is not categorical")
        }
        guard let index = labels.firstIndex(of: value) else {
            throw .invalidInput(field: "finding \(finding)",
                                problem: "value \"\(value)\" is not one of \(labels.joined(separator: ", "))")
        }
        return index
    }

    func months(_ value: String) throws(ReaderStudyError) -> Double {
        guard let months = Double(value), months.isFinite else {
            throw .invalidInput(field: "finding \(finding)", problem: "\"\(value)\" is not a number of months")
        }
        return months
    }

    private func compare(_ a: String?, _ b: String?) throws(ReaderStudyError) -> Agreement {
        guard let a, let b else { return .missing }
        switch scale {
        case .categorical:
            return try categoryIndex(a) == categoryIndex(b) ? .agree : .disagree
        case .months(let tolerance):
            return try abs(months(a) - months(b)) <= tolerance ? .agree : .disagree
        }
    }
}
