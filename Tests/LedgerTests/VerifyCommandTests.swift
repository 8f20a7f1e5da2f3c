import Foundation
import GRDB
import Testing
import TestSupport
@testable import Ledger

/// Runs the real `lightbox verify` (LIGHTBOX_BIN, as `make test` sets it, else
/// the debug build beside the package). Skipped when neither exists, e.g. when
/// only the test targets were built.
@Suite(.enabled(if: LightboxBinary.path != nil, "the lightbox executable is not built"))
struct VerifyCommandTests {

    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(LightboxBinary.path))
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out; process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
                String(decoding: errData, as: UTF8.self))
    }

    private func ledger(_ fx: LedgerFixture) throws -> String {
        let store = try fx.store()
        let read = try store.openRead(reader: "ana", study: "S1", context: .plain)
        try store.append(event(.opened, 1), to: read.id)
        try store.append(event(.accepted, 2, finding: "fracture.study"), to: read.id)
        try store.sign(read.id, decisions: [fractureDecision], confidence: 4, event: event(.signed, 3))
        return try store.verifyChain().headHash
    }

    @Test func anIntactLedgerPrintsOKWithCounts() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        let head = try ledger(fx)
        let result = try run(["verify", "--db", fx.path, "--anchor", head])
        #expect(result.status == 0)
        #expect(result.out == "OK: 3 events, 1 signed reads, chain head \(head)\n")
        #expect(result.err.isEmpty)
    }

    @Test func aBrokenChainNamesTheRowAndExitsTwo() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try ledger(fx)
        try fx.raw().write { db in
            try db.execute(sql: "DROP TRIGGER events_no_update; UPDATE events SET finding = 'boneAge.months' WHERE id = 2")
        }
        let result = try run(["verify", "--db", fx.path])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err == "lightbox: \(fx.path): audit chain broken: event 2 was edited: its fields no longer match its hash\n")
    }

    @Test func aMissingAnchorMeansTheChainWasRebuilt() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        _ = try ledger(fx)
        let stale = String(repeating: "ab", count: 32)
        let result = try run(["verify", "--db", fx.path, "--anchor", stale])
        #expect(result.status == 2)
        #expect(result.err.contains("the recorded chain head \(stale) is no longer in the chain"))
    }

    @Test func aFileThatIsNotALedgerIsOneLineAndExitsTwo() throws {
        let fx = try LedgerFixture(); defer { fx.cleanUp() }
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: fx.path))
        let result = try run(["verify", "--db", fx.path])
        #expect(result.status == 2)
        #expect(result.err == "lightbox: \(fx.path): not a Lightbox ledger: the file is not a SQLite database\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fx.path)) == Data(repeating: 0x41, count: 2048),
                "verify never writes")
    }
}

enum LightboxBinary {
    static var path: String? {
        let candidates: [String?] = [ProcessInfo.processInfo.environment["LIGHTBOX_BIN"],
                                     SharedReference.packageRoot.appendingPathComponent(".build/debug/lightbox").path]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
