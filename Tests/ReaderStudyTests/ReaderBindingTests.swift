import Common
import Foundation
import Testing
@testable import ReaderStudy

/// The identity rule of issue 16 item 3: a reader id belongs to one OS account.
@Suite struct ReaderBindingTests {
    private func design(_ readers: String) throws -> ExperimentDesign {
        let (ids, accounts) = try ExperimentDesign.parseReaders(readers)
        var d = StudyFixtures.crossover(readers: ids.count)
        d.readers = ids
        d.accounts = accounts
        return d
    }

    @Test func parsesMappingsAndBareIds() throws {
        let (ids, accounts) = try ExperimentDesign.parseReaders("amy=alice, bo = bob ,cy")
        #expect(ids == ["amy", "bo", "cy"])
        #expect(accounts == ["amy": "alice", "bo": "bob", "cy": "cy"])
        // Without any mapping nothing is stored: old designs keep their JSON.
        let (plain, none) = try ExperimentDesign.parseReaders("amy,bo")
        #expect(plain == ["amy", "bo"])
        #expect(none == nil)
    }

    @Test func malformedItemsAreRefusedWithTheirText() {
        for bad in ["amy=", "=alice", "amy=alice=x"] {
            #expect(throws: ReaderStudyError.invalidDesign(field: "readers", problem: "\"\(bad)\" is not READER or READER=ACCOUNT (e.g. amy=alice)")) {
                try ExperimentDesign.parseReaders("bo,\(bad)")
            }
        }
    }

    @Test func designWithoutMappingBindsEachIdToItsOwnAccount() throws {
        let d = try design("amy,bo")
        #expect(d.account(of: "amy") == "amy")
        #expect(try ReaderBinding(account: "bo").reader(requested: nil, in: d) == "bo")
        #expect(try ReaderBinding(account: "bo").reader(requested: "bo", in: d) == "bo")
        #expect(throws: ReaderStudyError.otherAccount(reader: "amy", mappedTo: "amy", runningAs: "bo")) {
            try ReaderBinding(account: "bo").reader(requested: "amy", in: d)
        }
    }

    @Test func mappedAccountReadsAsItsIdAndNoOtherAccountCan() throws {
        let d = try design("amy=alice,bo=bob")
        try d.validate()
        #expect(try ReaderBinding(account: "alice").reader(requested: nil, in: d) == "amy")
        #expect(try ReaderBinding(account: "alice").reader(requested: "amy", in: d) == "amy")
        #expect(throws: ReaderStudyError.otherAccount(reader: "bo", mappedTo: "bob", runningAs: "alice")) {
            try ReaderBinding(account: "alice").reader(requested: "bo", in: d)
        }
        // An account named like a reader id is not that reader once the id is mapped elsewhere.
        #expect(throws: ReaderStudyError.otherAccount(reader: "amy", mappedTo: "alice", runningAs: "amy")) {
            try ReaderBinding(account: "amy").reader(requested: "amy", in: d)
        }
        #expect(throws: ReaderStudyError.accountNotAReader(account: "mallory", experiment: d.name)) {
            try ReaderBinding(account: "mallory").reader(requested: nil, in: d)
        }
        #expect(throws: ReaderStudyError.unknownReader("zed")) {
            try ReaderBinding(account: "alice").reader(requested: "zed", in: d)
        }
    }

    @Test func refusalIsOneLineNamingReaderAccountAndRunner() {
        let error = ReaderStudyError.otherAccount(reader: "bo", mappedTo: "bob", runningAs: "alice")
        #expect(UserMessage.text(for: error)
                == "reader bo: is bound to account bob, but lightbox is running as account alice; only bob can read as this reader")
    }

    @Test func outsideAnExperimentTheIdIsTheLoginName() throws {
        #expect(try ReaderBinding(account: "alice").reader(requested: nil) == "alice")
        #expect(try ReaderBinding(account: "alice").reader(requested: "alice") == "alice")
        #expect(throws: ReaderStudyError.otherAccount(reader: "bob", mappedTo: "bob", runningAs: "alice")) {
            try ReaderBinding(account: "alice").reader(requested: "bob")
        }
    }

    @Test func oneAccountCannotHoldTwoReaders() throws {
        var d = try design("amy=alice,bo=alice")
        #expect(throws: ReaderStudyError.invalidDesign(field: "accounts", problem: "account alice is mapped to readers amy and bo; each reader needs their own account")) {
            try d.validate()
        }
        // A bare id collides with an account mapped to another reader too.
        d = try design("amy=bo,bo")
        #expect(throws: ReaderStudyError.invalidDesign(field: "accounts", problem: "account bo is mapped to readers amy and bo; each reader needs their own account")) {
            try d.validate()
        }
        d = try design("amy=al ice,bo")
        #expect(throws: ReaderStudyError.invalidDesign(field: "accounts", problem: "account \"al ice\" of reader amy must use letters, digits, '-', '_', '.' or '@'")) {
            try d.validate()
        }
        #expect(throws: Never.self) { try self.design("amy=alice@example.org,bo").validate() }
    }

    @Test func mappingRoundTripsThroughTheStoredJSONAndOldDesignsDecode() throws {
        let d = try design("amy=alice,bo=bob")
        let back = try JSONDecoder().decode(ExperimentDesign.self, from: try JSONEncoder().encode(d))
        #expect(back == d)
        let old = try design("amy,bo")
        let text = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!text.contains("accounts"), "a design without a mapping stores no accounts key")
        #expect(try JSONDecoder().decode(ExperimentDesign.self, from: Data(text.utf8)).accounts == nil)
    }

    @Test func mappingDoesNotChangeTheAssignmentTable() throws {
        let mapped = try design("amy=alice,bo=bob,cy=carol,dee=dora")
        let plain = try design("amy,bo,cy,dee")
        #expect(try AssignmentTable.generate(for: mapped).rows == AssignmentTable.generate(for: plain).rows)
    }
}
