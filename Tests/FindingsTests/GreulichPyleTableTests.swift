import Testing
@testable import Findings

/// Expected values worked by hand from the Brush Foundation table (clinical-facts.md §1.1).
struct GreulichPyleTableTests {
    @Test func rowsAndInterpolation() {
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 120, sex: .female) == 11.73)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 72, sex: .male) == 9.17)
        // girls 10 y 11.73, 11 y 11.94: at 10.5 y → 11.835
        #expect(abs(GreulichPyleTable.standardDeviation(ageMonths: 126, sex: .female) - 11.835) < 1e-12)
        // boys 8 y 9.10, 9 y 9.00: at 100 months → 9.10 − 0.10·4/12
        #expect(abs(GreulichPyleTable.standardDeviation(ageMonths: 100, sex: .male) - 9.0666666667) < 1e-9)
        // boys 1.5 y 3.52, 2 y 3.92: at 21 months → 3.72
        #expect(abs(GreulichPyleTable.standardDeviation(ageMonths: 21, sex: .male) - 3.72) < 1e-12)
    }

    @Test func clampedAtBothEnds() {
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 1, sex: .female) == 0.72)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 200, sex: .female) == 7.31)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 240, sex: .male) == 13.05)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 0, sex: .male) == 0.69)
    }

    @Test func sdsAndCategory() {
        // girl CA 126 mo, BA 150 mo: (150 − 126) / 11.835 = 2.0279 → advanced
        let a = BoneAgeFinding(months: 150, sigma: 5, chronologicalMonths: 126, sex: .female)
        #expect(abs(a.sds! - 24 / 11.835) < 1e-12)
        #expect(a.category == .advanced)
        #expect(abs(a.low - 140.2) < 1e-12 && abs(a.high - 159.8) < 1e-12)
        #expect(a.differenceMonths == 24)
        // boy CA 100 mo, BA 80 mo: −20 / 9.0667 = −2.206 → delayed
        let d = BoneAgeFinding(months: 80, sigma: 5, chronologicalMonths: 100, sex: .male)
        #expect(abs(d.sds! - (-20 / (9.10 - 0.10 * 4 / 12))) < 1e-12)
        #expect(d.category == .delayed)
        // boy CA 100, BA 118: +18 / 9.0667 = 1.985 → normal (inside ±2 SD)
        #expect(BoneAgeFinding(months: 118, sigma: 5, chronologicalMonths: 100, sex: .male).category == .normal)
        let unknown = BoneAgeFinding(months: 118, sigma: 5, chronologicalMonths: 100, sex: nil)
        #expect(unknown.sds == nil && unknown.category == .indeterminate)
    }
}
