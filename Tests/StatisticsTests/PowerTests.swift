import Foundation
import Testing
@testable import Statistics

@Suite struct PowerTests {
    @Test func noncentralFAgainstScipy() throws {
        let rows = ((try Fixture.json("distributions_scipy.json")["cases"] as! [String: Any])["noncentralFSf"] as! [Any]).map { ($0 as! [Any]).doubles }
        for r in rows {
            #expect(relClose(Noncentral.fSF(r[0], ndf: r[1], ddf: r[2], noncentrality: r[3]), r[4], 1e-10), "\(r)")
        }
    }

    /// RJafroc 2.1.3's stored SsPower values for Van Dyke (dataset02_VanDyke_goodValues.txt, "SsPower"):
    /// J = 10 readers with the observed effect; the case counts 165 (RRRC), 131 (FRRC) and 53 (RRFC)
    /// reproduce their ncp and df2; for FRRC and RRFC they are also the smallest K reaching 80% power
    /// (for RRRC the smallest is 163: RJafroc's stored case used K = 165).
    @Test func vanDykePowerAsRJafroc() throws {
        let expected = try Fixture.json("mrmc/expected_power.json")
        let text = try Fixture.text("mrmc/dataset02_VanDyke_goodValues.txt")
        let data = try MRMCDataset.parseLong(text: try Fixture.text("mrmc/VanDyke_RJafroc-dataset02_long.csv"), source: "vd")
        let or = ORAnalysis(data)
        let planner = HillisObuchowskiPower(components: or.components, pilotCases: data.cases.count)
        let effect = or.treatmentAUC[0] - or.treatmentAUC[1]
        for (key, value) in expected["cases"] as! [String: [String: Any]] {
            let analysis = HillisObuchowskiPower.Analysis(rawValue: key)!
            let k = value["K"] as! Int
            let r = planner.power(readers: 10, cases: k, effect: effect, analysis: analysis)
            for field in ["power", "ncp", "df2"] {
                guard let printed = value[field] as? String else { continue }
                #expect(text.contains(printed), "\(printed) not in goodValues")
                let mine = field == "power" ? r.power : field == "ncp" ? r.noncentrality : r.ddf!
                #expect(relClose(mine, Double(printed)!, 1e-8), "\(key) \(field): \(mine) vs \(printed)")
            }
            // The smallest K reaching 80% power: it has ≥ 0.8 and K − 1 has less.
            let found = try #require(planner.cases(readers: 10, effect: effect, analysis: analysis))
            #expect(found.power >= 0.8 && planner.power(readers: 10, cases: found.cases - 1, effect: effect, analysis: analysis).power < 0.8)
            if value["minimal"] as? Bool == true { #expect(found.cases == k, "\(key)") }
        }
    }
}
