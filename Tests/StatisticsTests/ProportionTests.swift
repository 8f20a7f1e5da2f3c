import Foundation
import Testing
@testable import Statistics

@Suite struct ProportionTests {
    /// Wilson intervals against scipy's binomtest(...).proportion_ci(method="wilson"); the first four
    /// are Newcombe's (1998) Table I examples (81/263 → 0.2553–0.3662, etc.).
    @Test func wilsonAgainstScipy() throws {
        let rows = ((try Fixture.json("distributions_scipy.json")["cases"] as! [String: Any])["wilson"] as! [Any]).map { ($0 as! [Any]).doubles }
        #expect(rows.count == 6)
        for r in rows {
            let p = Proportion(successes: Int(r[0]), trials: Int(r[1]))
            #expect(close(p.ciLow, r[2], 1e-12) && close(p.ciHigh, r[3], 1e-12), "\(r)")
        }
        let newcombe = Proportion(successes: 81, trials: 263)
        #expect(abs(newcombe.ciLow - 0.2553) < 0.00005 && abs(newcombe.ciHigh - 0.3662) < 0.00005)
    }

    @Test func sensitivitySpecificityCounts() {
        let truth = [true, true, true, true, false, false, false]
        let called = [true, true, false, true, false, true, false]
        let s = SensitivitySpecificity(truth: truth, called: called)
        #expect(s.sensitivity.successes == 3 && s.sensitivity.trials == 4)
        #expect(s.specificity.successes == 2 && s.specificity.trials == 3)
        #expect(s.sensitivity.ciLow < 0.75 && s.sensitivity.ciHigh > 0.75)
    }
}
