import Foundation
import TestSupport
import Testing

@Suite struct SimulateRefusalTests {
    /// Refusing to simulate over real reads named every session asked for ("1, 2") though only
    /// session 1 held reads; the coordinator then looks for reads that are not there.
    @Test func refusalNamesTheSessionsThatHoldReads() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-simulate-refusal")
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let now = ["LIGHTBOX_NOW": "2026-01-06T09:00:00Z"]
        let create = try LightboxBinary.run(["experiment", "create", "w", "--library", lib, "--readers", "ann,ben", "--seed", "3", "--db", db],
                                            environment: now)
        #expect(create.status == 0, "\(create.stderr)")
        let first = try LightboxBinary.run(["simulate", "w", "--session", "1", "--seed", "3", "--db", db], environment: now)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try LightboxBinary.run(["simulate", "w", "--seed", "3", "--db", db], environment: now)
        #expect(again.status == 2)
        #expect(again.stderr == "lightbox: experiment w: already has 48 signed read(s) in session(s) 1; simulate fills empty sessions\n",
                "\(again.stderr)")
    }
}
