/// A fully crossed multi-reader multi-case rating set: every reader rates every case under
/// every treatment (modality). Truth is per case (true = abnormal/positive). Labels keep the
/// spelling of the input file and its order of first appearance.
public struct MRMCDataset: Sendable, Equatable {
    public let treatments: [String]
    public let readers: [String]
    public let cases: [String]
    public let truth: [Bool]
    /// ratings[t][r][c]; higher = more confident the case is abnormal.
    public let ratings: [[[Double]]]

    public init(treatments: [String], readers: [String], cases: [String], truth: [Bool], ratings: [[[Double]]]) throws {
        func fail(_ problem: String) -> StatisticsError { StatisticsError(coordinates: "MRMC data", problem: problem) }
        guard treatments.count >= 2 else { throw fail("need at least 2 treatments, found \(treatments.count)") }
        guard readers.count >= 2 else { throw fail("need at least 2 readers, found \(readers.count)") }
        guard truth.count == cases.count else { throw fail("one truth value per case") }
        let positives = truth.filter { $0 }.count
        guard positives >= 2, cases.count - positives >= 2 else {
            throw fail("need at least 2 abnormal and 2 normal cases, found \(positives) and \(cases.count - positives)")
        }
        guard ratings.count == treatments.count,
              ratings.allSatisfy({ $0.count == readers.count && $0.allSatisfy { $0.count == cases.count } }) else {
            throw fail("ratings must be treatments × readers × cases")
        }
        self.treatments = treatments
        self.readers = readers
        self.cases = cases
        self.truth = truth
        self.ratings = ratings
    }

    public var positiveCount: Int { truth.filter { $0 }.count }
    public var negativeCount: Int { truth.count - positiveCount }

    /// DeLong placements of reader r under treatment t.
    func placements(_ t: Int, _ r: Int) -> Placements {
        var pos: [Double] = [], neg: [Double] = []
        for (c, isPositive) in truth.enumerated() {
            if isPositive { pos.append(ratings[t][r][c]) } else { neg.append(ratings[t][r][c]) }
        }
        return Placements(positives: pos, negatives: neg)
    }

    /// Collects rows keyed by labels into a dataset, requiring a complete design. Used by both
    /// file formats; `locate` gives the line of a row for error messages.
    struct Builder {
        let source: String
        var treatments: [String] = [], readers: [String] = [], cases: [String] = []
        var treatmentIndex: [String: Int] = [:], readerIndex: [String: Int] = [:], caseIndex: [String: Int] = [:]
        var truth: [Int: (value: Bool, line: Int)] = [:]
        var cells: [Int: (value: Double, line: Int)] = [:]
        var firstLineOfCase: [Int: Int] = [:]

        init(source: String) { self.source = source }

        mutating func caseID(_ label: String, line: Int) -> Int {
            if let i = caseIndex[label] { return i }
            caseIndex[label] = cases.count
            cases.append(label)
            firstLineOfCase[cases.count - 1] = line
            return cases.count - 1
        }

        mutating func setTruth(_ value: Bool, case label: String, line: Int, column: Int, name: String) throws {
            let c = caseID(label, line: line)
            if let old = truth[c], old.value != value {
                throw StatisticsError.input(source: source, line: line, column: column, name: name,
                                            "case \"\(label)\" has truth \(value ? 1 : 0) here but \(old.value ? 1 : 0) on line \(old.line)")
            }
            truth[c] = (value, line)
        }

        mutating func add(rating: Double, reader: String, treatment: String, case label: String, line: Int) throws {
            let t: Int
            if let i = treatmentIndex[treatment] { t = i } else { t = treatments.count; treatmentIndex[treatment] = t; treatments.append(treatment) }
            let r: Int
            if let i = readerIndex[reader] { r = i } else { r = readers.count; readerIndex[reader] = r; readers.append(reader) }
            let c = caseID(label, line: line)
            let key = (t * 1_000_003 + r) * 10_000_019 + c
            if let old = cells[key] {
                throw StatisticsError.input(source: source, line: line,
                                            "reader \"\(reader)\", treatment \"\(treatment)\", case \"\(label)\" is rated twice (also line \(old.line))")
            }
            cells[key] = (rating, line)
        }

        func build() throws -> MRMCDataset {
            var truthValues: [Bool] = []
            for c in cases.indices {
                guard let t = truth[c] else {
                    throw StatisticsError.input(source: source, line: firstLineOfCase[c] ?? 0,
                                                "case \"\(cases[c])\" has no truth")
                }
                truthValues.append(t.value)
            }
            var ratings = [[[Double]]]()
            for t in treatments.indices {
                var perReader = [[Double]]()
                for r in readers.indices {
                    var row = [Double]()
                    row.reserveCapacity(cases.count)
                    for c in cases.indices {
                        guard let v = cells[(t * 1_000_003 + r) * 10_000_019 + c] else {
                            throw StatisticsError(coordinates: source,
                                                  problem: "no rating for reader \"\(readers[r])\", treatment \"\(treatments[t])\", case \"\(cases[c])\" (the analysis needs a fully crossed design)")
                        }
                        row.append(v.value)
                    }
                    perReader.append(row)
                }
                ratings.append(perReader)
            }
            do {
                return try MRMCDataset(treatments: treatments, readers: readers, cases: cases, truth: truthValues, ratings: ratings)
            } catch let e as StatisticsError {
                throw StatisticsError(coordinates: source, problem: e.problem)
            }
        }
    }
}
