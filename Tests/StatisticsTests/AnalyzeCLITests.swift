import Foundation
import Testing
import TestSupport

/// The `lightbox analyze` commands, run as a process on the fixtures. Uses LIGHTBOX_BIN (set by
/// `make test`) or the debug build beside the package; skips with a note when neither exists.
@Suite struct AnalyzeCLITests {
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["LIGHTBOX_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let local = SharedReference.packageRoot.appendingPathComponent(".build/debug/lightbox")
        return FileManager.default.isExecutableFile(atPath: local.path) ? local : nil
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String)? {
        guard let binary else {
            print("AnalyzeCLITests: skipped: no lightbox binary (set LIGHTBOX_BIN or build the package)")
            return nil
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func fixture(_ name: String) -> String { Fixture.directory.appendingPathComponent(name).path }

    @Test func mrmcJSONHasExactlyTheContractKeys() throws {
        guard let r = try Self.run(["analyze", "mrmc", Self.fixture("mrmc/VanDyke_iMRMC-input.csv"), "--format", "imrmc", "--json"]) else { return }
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["auc", "F", "ndf", "ddf", "p", "differences"])
        let auc = json["auc"] as! [String: Double]
        #expect(abs(auc["M0"]! - 0.89703704) < 5e-9 && abs(auc["M1"]! - 0.94083736) < 5e-9)
        #expect(abs((json["F"] as! Double) - 4.456319) < 5e-7)
        #expect(abs((json["ddf"] as! Double) - 15.25967) < 5e-6)
        #expect(abs((json["p"] as! Double) - 0.05166569) < 5e-9)
        let d = (json["differences"] as! [[String: Any]])[0]
        #expect(d["first"] as? String == "M0" && d["second"] as? String == "M1")
        #expect(abs((d["estimate"] as! Double) + 0.0438003220612) < 1e-12)
        #expect(abs((d["ciLow"] as! Double) + 0.0879594985666) < 1e-10 && abs((d["ciHigh"] as! Double) - 0.000358854444171) < 1e-10)
        #expect(abs((d["p"] as! Double) - 0.0516656858193) < 1e-10)
    }

    @Test func mrmcTableAndLocatedError() throws {
        guard let r = try Self.run(["analyze", "mrmc", Self.fixture("mrmc/Franken_RJafroc-dataset03_long.csv")]) else { return }
        #expect(r.status == 0)
        #expect(r.out.contains("F(1, 3.00) = 4.6941, p = 0.1188"), "\(r.out)")
        #expect(r.out.contains("TREAT1 − TREAT2"))
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("lightbox-stats-bad-\(getpid()).csv")
        try "reader,treatment,case,truth,rating\n1,A,1,0,2\n1,A,2,,3\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let e = try Self.run(["analyze", "mrmc", bad.path])!
        #expect(e.status == 2)
        #expect(e.err == "lightbox: \(bad.path):3:4 (column \"truth\"): empty truth cell, expected 0 or 1\n", "\(e.err)")
    }

    @Test func kappaAndAUCCommands() throws {
        guard let k = try Self.run(["analyze", "kappa", Self.fixture("kappa-auc/vandyke_trt0_reader0_vs_reader1.csv"),
                                    "--columns", "reader0,reader1", "--weights", "linear", "--json"]) else { return }
        let kj = try JSONSerialization.jsonObject(with: Data(k.out.utf8)) as! [String: Any]
        #expect(abs((kj["kappa"] as! Double) - 0.5285940524370931) < 1e-12)
        let a = try Self.run(["analyze", "auc", Self.fixture("kappa-auc/pROC_aSAH.csv"), "--truth", "outcome", "--positive", "Poor",
                              "--scores", "s100b,ndka", "--json"])!
        let aj = try JSONSerialization.jsonObject(with: Data(a.out.utf8)) as! [String: Any]
        let paired = aj["paired"] as! [String: Any]
        #expect(abs((paired["z"] as! Double) - 1.390770026) < 1e-9 && abs((paired["p"] as! Double) - 0.164295175) < 1e-9)
        // Hanley & McNeil counts: ratings ≥ 4 are 11 + 33 of 51 abnormal and 33 + 6 + 6 of 58 normal below.
        let hm = try Self.run(["analyze", "auc", Self.fixture("kappa-auc/hanley_mcneil_1982_ct_ratings.csv"), "--threshold", "4", "--json"])!
        let op = ((try JSONSerialization.jsonObject(with: Data(hm.out.utf8)) as! [String: Any])["operatingPoints"] as! [[String: Any]])[0]
        #expect((op["sensitivity"] as! [String: Any])["successes"] as? Int == 44 && (op["sensitivity"] as! [String: Any])["trials"] as? Int == 51)
        #expect((op["specificity"] as! [String: Any])["successes"] as? Int == 45 && (op["specificity"] as! [String: Any])["trials"] as? Int == 58)
        let missing = try Self.run(["analyze", "auc", Self.fixture("kappa-auc/pROC_aSAH.csv")])!
        #expect(missing.status == 2 && missing.err.contains(":1: no column \"truth\" in header"), "\(missing.err)")
    }
}
