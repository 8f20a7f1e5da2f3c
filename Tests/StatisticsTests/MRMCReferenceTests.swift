import Foundation
import TestSupport
import Testing
@testable import Statistics

/// Van Dyke and Franken against RJafroc 2.1.3's stored values and the Iowa OR-DBM MRMC 2.51
/// program (Fixtures/mrmc/expected_*.json, transcribed from the reference outputs).
@Suite struct MRMCReferenceTests {
    /// Every number the expected files can name, computed by Lightbox.
    static func computed(_ data: MRMCDataset) -> [String: Double] {
        let jk = ORAnalysis(data, covariance: .jackknife)
        let dl = ORAnalysis(data, covariance: .delong)
        let dbm = DBMAnalysis(data)
        var v: [String: Double] = [:]
        for (t, row) in jk.auc.enumerated() { for (r, a) in row.enumerated() { v["auc.\(t).\(r)"] = a } }
        for (t, a) in jk.treatmentAUC.enumerated() { v["treatmentAUC.\(t)"] = a }
        v["or.msT"] = jk.msT; v["or.msR"] = jk.msR; v["or.msTR"] = jk.msTR
        for (t, m) in jk.msREachTreatment.enumerated() { v["or.msREachTreatment.\(t)"] = m }
        for (tag, a) in [("jk", jk), ("dl", dl)] {
            let c = a.components
            v["or.\(tag).varR"] = c.varR; v["or.\(tag).varTR"] = c.varTR; v["or.\(tag).var"] = c.variance
            v["or.\(tag).cov1"] = c.cov1; v["or.\(tag).cov2"] = c.cov2; v["or.\(tag).cov3"] = c.cov3
            v["or.\(tag).rho1"] = c.correlation1; v["or.\(tag).rho2"] = c.correlation2; v["or.\(tag).rho3"] = c.correlation3
            for (t, x) in a.varianceEachTreatment.enumerated() { v["or.\(tag).varEachTreatment.\(t)"] = x }
            for (t, x) in a.cov2EachTreatment.enumerated() { v["or.\(tag).cov2EachTreatment.\(t)"] = x }
            for (r, x) in a.varianceEachReader.enumerated() { v["or.\(tag).varEachReader.\(r)"] = x }
            for (r, x) in a.cov1EachReader.enumerated() { v["or.\(tag).cov1EachReader.\(r)"] = x }
        }
        func test(_ prefix: String, _ m: MRMCTest, msT: Double) {
            v["\(prefix).F"] = m.F; v["\(prefix).p"] = m.p
            if let ddf = m.ddf { v["\(prefix).ddf"] = ddf }
            if let x = m.chiSquare { v["\(prefix).chisq"] = x }
            v["\(prefix).errorMS"] = msT / m.F
            let d = m.differences[0]
            v["\(prefix).diff.estimate"] = d.estimate; v["\(prefix).diff.se"] = d.standardError
            v["\(prefix).diff.t"] = d.statistic; v["\(prefix).diff.z"] = d.statistic; v["\(prefix).diff.p"] = d.p
            v["\(prefix).diff.ciLow"] = d.ciLow; v["\(prefix).diff.ciHigh"] = d.ciHigh
            for (t, i) in m.treatments.enumerated() {
                v["\(prefix).trt.\(t).se"] = i.standardError; v["\(prefix).trt.\(t).ciLow"] = i.ciLow; v["\(prefix).trt.\(t).ciHigh"] = i.ciHigh
                if let df = i.degreesOfFreedom { v["\(prefix).trt.\(t).df"] = df }
            }
        }
        test("or.rrrc", jk.randomReadersRandomCases, msT: jk.msT)
        test("or.frrc", jk.fixedReadersRandomCases, msT: jk.msT)
        test("or.rrfc", jk.randomReadersFixedCases, msT: jk.msT)
        for (r, ds) in jk.differencesEachReader.enumerated() {
            v["or.frrc.reader.\(r).se"] = ds[0].standardError; v["or.frrc.reader.\(r).p"] = ds[0].p
            v["or.frrc.reader.\(r).ciLow"] = ds[0].ciLow; v["or.frrc.reader.\(r).ciHigh"] = ds[0].ciHigh
        }
        let ms = dbm.meanSquares
        v["dbm.ms.T"] = ms.T; v["dbm.ms.R"] = ms.R; v["dbm.ms.C"] = ms.C; v["dbm.ms.TR"] = ms.TR
        v["dbm.ms.TC"] = ms.TC; v["dbm.ms.RC"] = ms.RC; v["dbm.ms.TRC"] = ms.TRC
        let vc = dbm.components
        v["dbm.var.R"] = vc.varR; v["dbm.var.C"] = vc.varC; v["dbm.var.TR"] = vc.varTR
        v["dbm.var.TC"] = vc.varTC; v["dbm.var.RC"] = vc.varRC; v["dbm.var.TRC"] = vc.errorTRC
        for (t, w) in dbm.eachTreatment.enumerated() { v["dbm.trt.\(t).msR"] = w.msFactor; v["dbm.trt.\(t).msC"] = w.msC; v["dbm.trt.\(t).msRC"] = w.msInteraction }
        for (r, w) in dbm.eachReader.enumerated() { v["dbm.rdr.\(r).msT"] = w.msFactor; v["dbm.rdr.\(r).msC"] = w.msC; v["dbm.rdr.\(r).msTC"] = w.msInteraction }
        test("dbm.rrrc", dbm.randomReadersRandomCases, msT: ms.T)
        test("dbm.frrc", dbm.fixedReadersRandomCases, msT: ms.T)
        test("dbm.rrfc", dbm.randomReadersFixedCases, msT: ms.T)
        return v
    }

    /// Half a unit in the last printed digit of a reference number, plus 1e-10 for the reference
    /// programs' own floating-point noise in their last printed digits (observed up to 1e-11).
    static func tolerance(_ printed: String) -> Double {
        let parts = printed.lowercased().split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let decimals = mantissa.split(separator: ".").count > 1 ? mantissa.split(separator: ".")[1].count : 0
        return 0.5 * pow(10, Double(exponent - decimals)) + 1e-10
    }

    /// Checks every expected number of one study; returns how many were compared.
    @discardableResult
    static func check(expectedFile: String, data: MRMCDataset, referenceText: (String) throws -> String?) throws -> Int {
        let expected = try Fixture.json("mrmc/" + expectedFile)
        let v = computed(data)
        var compared = 0
        var worst: [String: (Double, String)] = [:]
        for (sourceFile, values) in expected["sources"] as! [String: [String: String]] {
            let text = try referenceText(sourceFile)
            for (key, printed) in values.sorted(by: { $0.key < $1.key }) {
                if let text { #expect(text.contains(printed), "\(printed) (\(key)) is not in \(sourceFile)") }
                guard let mine = v[key] else { Issue.record("no computed value named \(key)"); continue }
                let gap = abs(mine - Double(printed)!)
                if gap > (worst[sourceFile]?.0 ?? -1) { worst[sourceFile] = (gap, key) }
                #expect(gap <= tolerance(printed), "\(expectedFile) \(key): \(mine) vs \(printed) (\(sourceFile))")
                compared += 1
            }
        }
        for (file, w) in worst.sorted(by: { $0.key < $1.key }) {
            let count = (expected["sources"] as! [String: [String: String]])[file]!.count
            print("\(expectedFile) vs \(file): \(count) values, largest |difference| \(w.0) (\(w.1))")
        }
        for (key, n) in expected["integers"] as? [String: Int] ?? [:] {
            #expect(close(v[key] ?? .nan, Double(n), 1e-12), "\(key): \(v[key] ?? .nan) vs \(n)")
            compared += 1
        }
        return compared
    }

    static func load(_ expectedFile: String, format: String, read: (String) throws -> String) throws -> MRMCDataset {
        let expected = try Fixture.json("mrmc/" + expectedFile)
        let file = expected[format] as! String
        let text = try read(file)
        return format == "long" ? try MRMCDataset.parseLong(text: text, source: file) : try MRMCDataset.parseIMRMC(text: text, source: file)
    }

    @Test(arguments: ["expected_vandyke.json", "expected_franken.json"])
    func repoCopies(expectedFile: String) throws {
        let long = try Self.load(expectedFile, format: "long") { try Fixture.text("mrmc/" + $0) }
        let n = try Self.check(expectedFile: expectedFile, data: long) { try Fixture.text("mrmc/" + $0) }
        #expect(n > 60)
        // The iMRMC copy of the same study gives the same analysis.
        let imrmc = try Self.load(expectedFile, format: "imrmc") { try Fixture.text("mrmc/" + $0) }
        try Self.check(expectedFile: expectedFile, data: imrmc) { _ in nil }
    }

    @Test(arguments: ["expected_vandyke.json", "expected_franken.json"])
    func sharedReference(expectedFile: String) throws {
        guard let dataDir = SharedReferenceDirectory.mrmcData, let refDir = SharedReferenceDirectory.mrmcReference else {
            print("MRMCReferenceTests.sharedReference: skipped: ../shared/reference/mrmc is not present beside the package")
            return
        }
        let read: (String) throws -> String = { try String(contentsOf: dataDir.appendingPathComponent($0), encoding: .utf8) }
        let expected = try Fixture.json("mrmc/" + expectedFile)
        for file in (expected["sources"] as! [String: Any]).keys {
            let original = try String(contentsOf: refDir.appendingPathComponent(file), encoding: .utf8)
            #expect(original == (try Fixture.text("mrmc/" + file)), "repo copy of \(file) differs from ../shared")
        }
        for format in ["long", "imrmc"] {
            #expect(try read(expected[format] as! String) == (try Fixture.text("mrmc/" + (expected[format] as! String))), "repo copy differs from ../shared")
            let data = try Self.load(expectedFile, format: format, read: read)
            try Self.check(expectedFile: expectedFile, data: data) { try String(contentsOf: refDir.appendingPathComponent($0), encoding: .utf8) }
        }
    }

    /// The headline numbers of ../shared/reference/README.md, to 1e-6 or better.
    @Test func headlineNumbers() throws {
        let vd = try Self.load("expected_vandyke.json", format: "long") { try Fixture.text("mrmc/" + $0) }
        let a = ORAnalysis(vd)
        #expect(abs(a.treatmentAUC[0] - 0.89703704) < 5e-9 && abs(a.treatmentAUC[1] - 0.94083736) < 5e-9)
        let rr = a.randomReadersRandomCases
        #expect(abs(rr.F - 4.456319) < 5e-7 && rr.ndf == 1 && abs(rr.ddf! - 15.25967) < 5e-6 && abs(rr.p - 0.05166569) < 5e-9)
        let fr = try Self.load("expected_franken.json", format: "long") { try Fixture.text("mrmc/" + $0) }
        let b = ORAnalysis(fr).randomReadersRandomCases
        #expect(abs(b.F - 4.69405772) < 5e-9 && b.ddf == 3 && abs(b.p - 0.11883786) < 5e-9)
        #expect(ORAnalysis(fr).components.cov2 < ORAnalysis(fr).components.cov3)
    }
}

enum SharedReferenceDirectory {
    static var mrmcData: URL? { SharedReference.directory("mrmc/data") }
    static var mrmcReference: URL? { SharedReference.directory("mrmc/reference") }
}
