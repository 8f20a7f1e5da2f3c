import Testing
@testable import ReaderStudy

@Suite struct AssignmentTableTests {
    private func table(_ design: ExperimentDesign) throws -> AssignmentTable {
        try AssignmentTable.generate(for: design)
    }

    @Test func reproducibleFromSeed() throws {
        let design = StudyFixtures.crossover()
        #expect(try table(design) == table(design))
        var other = design
        other.seed += 1
        #expect(try table(design) != table(other))
    }

    @Test func orderDiffersBetweenReadersAndSessions() throws {
        // Same group, same blocks and arms: only the shuffles can make them differ.
        let t = try table(StudyFixtures.crossover(readers: 4, cases: 12))
        let byGroup = Dictionary(grouping: ["r1", "r2", "r3", "r4"]) { t.rows(reader: $0)[0].armGroup }
        for (_, readers) in byGroup where readers.count >= 2 {
            let a = t.rows(reader: readers[0], session: 1).map(\.caseID)
            let b = t.rows(reader: readers[1], session: 1).map(\.caseID)
            #expect(Set(a) == Set(b))
            #expect(a != b)
        }
        let s1 = t.rows(reader: "r1", session: 1).map(\.caseID)
        let s2 = t.rows(reader: "r1", session: 2).map(\.caseID)
        #expect(Set(s1) == Set(s2))
        #expect(s1 != s2)
    }

    @Test func addingAReaderDoesNotReshuffleAnothersBlocks() throws {
        let t4 = try table(StudyFixtures.crossover(readers: 4))
        let t5 = try table(StudyFixtures.crossover(readers: 5))
        // Orders are keyed by reader, session and block; blocks depend only on the cases.
        let rows4 = t4.rows(reader: "r1", session: 1)
        let rows5 = t5.rows(reader: "r1", session: 1)
        let blockOrder4 = Dictionary(grouping: rows4, by: \.block).mapValues { $0.map(\.caseID) }
        let blockOrder5 = Dictionary(grouping: rows5, by: \.block).mapValues { $0.map(\.caseID) }
        #expect(blockOrder4 == blockOrder5)
    }

    @Test(arguments: [2, 3, 4, 5, 7])
    func counterbalancedHalfStartAided(readers: Int) throws {
        let t = try table(StudyFixtures.crossover(readers: readers))
        let starts = (1...readers).compactMap { t.firstArm(reader: "r\($0)") }
        let aided = starts.filter { $0 == .aided }.count
        let unaided = starts.filter { $0 == .unaided }.count
        #expect(aided + unaided == readers)
        #expect(aided == readers / 2)           // odd counts: the first listed arm gets the extra reader
        #expect(unaided == (readers + 1) / 2)
    }

    @Test(arguments: [DesignKind.crossover, .fullyCrossed], [SessionOrdering.blockedByArm, .interleaved])
    func eachReaderReadsEachCaseOncePerArmInDifferentSessions(kind: DesignKind, ordering: SessionOrdering) throws {
        var design = StudyFixtures.crossover(readers: 3, cases: 9, ordering: ordering)
        design.design = kind
        let t = try table(design)
        #expect(t.rows.count == 3 * 9 * 2)
        for reader in design.readers {
            for caseID in design.caseIDs {
                let reads = t.rows.filter { $0.reader == reader && $0.caseID == caseID }
                #expect(reads.map(\.arm).sorted { $0.rawValue < $1.rawValue } == [.aided, .unaided])
                #expect(Set(reads.map(\.session)).count == 2)
            }
            for session in 1...2 {
                #expect(t.rows(reader: reader, session: session).map(\.order) == Array(1...9))
            }
        }
    }

    @Test func crossoverSessionsMixArmsFullyCrossedSessionsDoNot() throws {
        let crossover = try table(StudyFixtures.crossover(readers: 2, cases: 10))
        var fc = StudyFixtures.crossover(readers: 2, cases: 10)
        fc.design = .fullyCrossed
        let fully = try table(fc)
        for reader in ["r1", "r2"] {
            for session in 1...2 {
                let arms = crossover.rows(reader: reader, session: session).map(\.arm)
                #expect(arms.filter { $0 == .aided }.count == 5)
                #expect(Set(fully.rows(reader: reader, session: session).map(\.arm)).count == 1)
            }
        }
    }

    @Test func blockedOrderKeepsTheReadersArmOrderEverySession() throws {
        let t = try table(StudyFixtures.crossover(readers: 4, cases: 8))
        for reader in ["r1", "r2", "r3", "r4"] {
            let start = try #require(t.firstArm(reader: reader))
            for session in 1...2 {
                let arms = t.rows(reader: reader, session: session).map(\.arm)
                #expect(Array(arms.prefix(4)) == Array(repeating: start, count: 4))
                #expect(arms.suffix(4).allSatisfy { $0 != start })
            }
        }
    }

    @Test func threeArmLatinSquare() throws {
        let design = StudyFixtures.crossover(readers: 6, cases: 9, arms: [.unaided, .aided, .sequential])
        let t = try table(design)
        let starts = design.readers.compactMap { t.firstArm(reader: $0) }
        for arm in design.arms { #expect(starts.filter { $0 == arm }.count == 2) }
        for reader in design.readers {
            for caseID in design.caseIDs {
                let reads = t.rows.filter { $0.reader == reader && $0.caseID == caseID }
                #expect(Set(reads.map(\.arm)).count == 3)
                #expect(Set(reads.map(\.session)) == [1, 2, 3])
            }
        }
    }

    @Test func splitPlotGivesDisjointCaseSubsetsPerGroup() throws {
        var design = StudyFixtures.crossover(readers: 8, cases: 20)
        design.design = .splitPlot
        design.readerGroups = 2
        let t = try table(design)
        var casesByPlot: [Int: Set<String>] = [:]
        for row in t.rows { casesByPlot[row.plot, default: []].insert(row.caseID) }
        #expect(casesByPlot.count == 2)
        #expect(casesByPlot[0]!.isDisjoint(with: casesByPlot[1]!))
        #expect(casesByPlot[0]!.union(casesByPlot[1]!) == Set(design.caseIDs))
        for plot in 0..<2 {
            let readers = Set(t.rows.filter { $0.plot == plot }.map(\.reader))
            #expect(readers.count == 4)
            // counterbalanced inside each plot
            #expect(readers.filter { t.firstArm(reader: $0) == .aided }.count == 2)
            for reader in readers {
                let mine = t.rows(reader: reader)
                #expect(Set(mine.map(\.caseID)) == casesByPlot[plot]!)
                #expect(mine.count == casesByPlot[plot]!.count * 2)
            }
        }
    }
}

@Suite struct InterleavedOrderTests {
    @Test func interleavedSessionsMixArmsThroughoutAndStayBalanced() throws {
        let design = StudyFixtures.crossover(readers: 4, cases: 20, ordering: .interleaved)
        let t = try AssignmentTable.generate(for: design)
        var switches = 0
        for reader in design.readers {
            for session in 1...2 {
                let arms = t.rows(reader: reader, session: session).map(\.arm)
                #expect(arms.filter { $0 == .aided }.count == 10)
                switches += zip(arms, arms.dropFirst()).filter { $0 != $1 }.count
            }
        }
        // Blocked order switches arm once per session (8 in all); shuffled order switches far more often.
        #expect(switches > 8 * 3)
    }
}
