import Testing
@testable import Ledger

@Suite struct ExperimentStorageTests {
    private let table = [
        AssignmentRow(reader: "ana", study: "S2", session: 1, arm: "aided", order: 1),
        AssignmentRow(reader: "ana", study: "S1", session: 1, arm: "aided", order: 2),
        AssignmentRow(reader: "ana", study: "S1", session: 2, arm: "unaided", order: 1),
        AssignmentRow(reader: "bob", study: "S1", session: 1, arm: "unaided", order: 1),
    ]

    @Test func anAssignmentTableRoundTrips() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.createExperiment(name: "trial", design: #"{"design":"crossover","seed":7}"#,
                                   assignments: table.reversed())
        let reopened = try fx.store()
        #expect(try reopened.assignments(experiment: "trial") == table)
        let stored = try #require(try reopened.experiment(named: "trial"))
        #expect(stored.design == #"{"design":"crossover","seed":7}"#)
        #expect(try reopened.experiments().map(\.name) == ["trial"])
        #expect(try reopened.experiment(named: "other") == nil)
        // Readers named by the table exist, so reads can be attributed to them.
        #expect(try reopened.statuses(reader: "bob").isEmpty)
    }

    @Test func anExperimentIsStoredOnce() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        try store.createExperiment(name: "trial", design: "{}", assignments: table)
        #expect(throws: LedgerError.experimentExists(path: fx.path, name: "trial")) {
            try store.createExperiment(name: "trial", design: "{}", assignments: [])
        }
        #expect(try store.assignments(experiment: "trial").count == table.count)
    }

    @Test func aBadTableStoresNothing() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        var twice = table
        twice.append(AssignmentRow(reader: "ana", study: "S3", session: 1, arm: "aided", order: 2))
        let error = try #require(throws: LedgerError.self) {
            try store.createExperiment(name: "trial", design: "{}", assignments: twice)
        }
        #expect(UserMessageLine.of(error).hasSuffix("row 5: reader ana, session 1 has order 2 twice"))
        #expect(try store.experiment(named: "trial") == nil)
        #expect(throws: LedgerError.unknownExperiment(path: fx.path, name: "trial")) {
            try store.assignments(experiment: "trial")
        }
    }
}
