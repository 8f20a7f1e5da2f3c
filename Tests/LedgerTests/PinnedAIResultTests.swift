import Common
import Foundation
import GRDB
import Testing
@testable import Ledger
import ReaderStudy

/// Pinned AI results (issue 16): one stored result per (study, model
/// fingerprint), first writer wins, and any edit of a stored result, even
/// with its stored hash rewritten, breaks `verify`.
@Suite struct PinnedAIResultTests {
    static let model = ModelFingerprint(name: "fracture-phantom", version: "0.4.0",
                                        modelBytes: Array("onnx".utf8), cardBytes: Array("card".utf8))

    @Test func firstPinWinsAndLaterPinsGetTheStoredBytes() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        #expect(try store.aiResult(study: "S1", model: Self.model) == nil)
        let first = try store.pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0", kernelVariant: "avx2",
                                          payload: #"{"fracture":{"p":0.8}}"#)
        // Another process computed a (different) result at the same time: it is shown the first.
        let second = try fx.store().pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0",
                                                kernelVariant: "avx512", payload: #"{"fracture":{"p":0.8000001}}"#)
        #expect(second == first)
        #expect(try store.aiResult(study: "S1", model: Self.model) == first)
        #expect(try store.aiResults().count == 1)
        // Another model version, or the same name with other bytes, is another result.
        var retrained = Self.model
        retrained.modelSHA256 = SHA256.hash(Array("onnx2".utf8))
        let other = try store.pinAIResult(study: "S1", model: retrained, engineVersion: "0.1.0", kernelVariant: "avx2", payload: "{}")
        #expect(other.id != first.id)
        #expect(first.kernelVariant == "avx2" && first.engineVersion == "0.1.0")
    }

    @Test func concurrentPinnersAllSeeOneRow() async throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try fx.store()
        let path = fx.path
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let store = try LedgerStore(path: path)
                    return try store.pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0",
                                                 kernelVariant: "generic", payload: "{\"writer\":\(i)}").id
                }
            }
            var all: [Int64] = []
            for try await id in group { all.append(id) }
            return all
        }
        #expect(Set(ids).count == 1)
    }

    @Test func storedResultsAreAppendOnly() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        _ = try store.pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0", kernelVariant: "avx2", payload: "{}")
        let raw = try fx.raw()
        #expect(throws: (any Error).self) { try raw.write { try $0.execute(sql: "UPDATE ai_results SET payload = '{\"x\":1}'") } }
        #expect(throws: (any Error).self) { try raw.write { try $0.execute(sql: "DELETE FROM ai_results") } }
    }

    @Test func signedReadNamesItsResultsAndVerifies() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let pinned = try store.pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0", kernelVariant: "avx2", payload: "{}")
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let shown = AIResultReference.eventValue([AIResultReference(id: pinned.id, sha256: SHA256.hash(pinned.payload))])
        try store.append(event(.aiRevealed, 1, value: shown), to: read.id)
        try store.sign(read.id, decisions: [fractureDecision], confidence: 4, event: event(.signed, 2), aiResults: [pinned.id])
        let signed = try #require(try store.signedReads(reader: "ana").first)
        #expect(signed.aiResults == [pinned.id])
        #expect(try store.verifyChain().problem == nil)
        // A read signed without AI keeps the v1 digest.
        let plain = try store.openRead(reader: "ana", study: "S2", context: .plain)
        try store.sign(plain.id, decisions: [fractureDecision], confidence: 4, event: event(.signed, 3))
        #expect(try store.signedReads(reader: "ana").last?.aiResults == [])
        #expect(try store.verifyChain().problem == nil)

        // Moving the signed read to other results breaks its digest.
        let raw = try fx.raw()
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER signed_reads_no_update")
            try db.execute(sql: "UPDATE signed_reads SET ai_results = '99' WHERE read_id = ?", arguments: [read.id])
        }
        #expect(try store.verifyChain().problem == .signedReadEdited(read: read.id, event: signed.eventID))
    }

    @Test func anEditedResultBreaksVerifyEvenWithItsHashRewritten() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        let pinned = try store.pinAIResult(study: "S1", model: Self.model, engineVersion: "0.1.0", kernelVariant: "avx2",
                                           payload: #"{"p":0.9}"#)
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        let shown = AIResultReference.eventValue([AIResultReference(id: pinned.id, sha256: SHA256.hash(pinned.payload))])
        let eventID = try store.append(event(.aiRevealed, 1, value: shown), to: read.id)
        #expect(try store.verifyChain().problem == nil)

        let raw = try fx.raw()
        try raw.write { try $0.execute(sql: "DROP TRIGGER ai_results_are_fixed") }
        // The payload alone: its stored hash no longer matches; reading it back is refused too.
        try raw.write { try $0.execute(sql: #"UPDATE ai_results SET payload = '{"p":0.1}'"#) }
        #expect(try store.verifyChain().problem == .aiResultEdited(result: pinned.id, event: nil))
        #expect(throws: LedgerError.self) { try store.aiResult(id: pinned.id) }
        // The payload and its hash together: the chained event still names the old hash.
        try raw.write { try $0.execute(sql: "UPDATE ai_results SET payload_sha256 = ?", arguments: [SHA256.hash(#"{"p":0.1}"#)]) }
        #expect(try store.verifyChain().problem == .aiResultEdited(result: pinned.id, event: eventID))
    }

    @Test func experimentModelsKeepTheirFirstFingerprint() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let store = try fx.store()
        #expect(throws: LedgerError.self) {
            try store.pinExperimentModels("nope", [ExperimentModel(model: Self.model, task: "fracture")])
        }
        try store.createExperiment(name: "x", design: "{}", assignments: [AssignmentRow(reader: "ana", study: "S1", session: 1, arm: "aided", order: 1)])
        try store.pinExperimentModels("x", [ExperimentModel(model: Self.model, task: "fracture")])
        var changed = Self.model
        changed.cardSHA256 = SHA256.hash(Array("card2".utf8))
        let pinned = try store.pinExperimentModels("x", [ExperimentModel(model: changed, task: "fracture")])
        #expect(pinned.map(\.model) == [Self.model])
    }
}
