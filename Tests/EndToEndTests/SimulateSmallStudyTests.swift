import Foundation
import TestSupport
import Testing

/// `lightbox simulate` on an experiment too small for the Roe–Metz sampler (one
/// normal and one abnormal case) used to trap inside Statistics (`try!`, exit 132);
/// found by the privacy sweep. It must refuse in one line, exit 2, and write nothing.
@Suite struct SimulateSmallStudyTests {
    @Test func tooFewCasesIsRefusedNotACrash() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-simulate-small")
        defer { dir.remove() }
        for (i, label) in ["abnormal", "normal"].enumerated() {
            let id = "C\(i)"
            dir.write("library/\(id)/study.json", """
                {"formatVersion":1,"id":"\(id)","kind":"extremity","modality":"CR","bodyPart":"WRIST",
                "patient":{"pseudoId":"P\(i)","sex":"F","ageMonths":300},"series":[{"id":"1","view":"PA","images":["a.png"]}]}
                """)
            dir.write("library/\(id)/a.png", "x")
            dir.write("library/\(id)/reference.json", #"{"formatVersion":1,"studyId":"\#(id)","kind":"extremity","extremity":{"label":"\#(label)"}}"#)
        }
        let db = dir.file("ledger.sqlite")
        let create = try LightboxBinary.run(["experiment", "create", "tiny", "--library", dir.file("library"), "--readers", "ann,ben", "--db", db],
                                            environment: ["LIGHTBOX_NOW": "2026-01-05T09:00:00Z"])
        #expect(create.status == 0, "\(create.stderr)")
        let r = try LightboxBinary.run(["simulate", "tiny", "--db", db], environment: ["LIGHTBOX_NOW": "2026-03-20T09:00:00Z"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr == "lightbox: experiment tiny: simulation needs at least 2 normal and 2 abnormal cases (1 normal, 1 abnormal)\n")
        let show = try LightboxBinary.run(["experiment", "show", "tiny", "--db", db], environment: ["LIGHTBOX_NOW": "2026-03-20T09:00:00Z"])
        #expect(show.stdout.contains("0/2 open"), "nothing was written: \(show.stdout)")
    }
}
