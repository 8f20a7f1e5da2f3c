import Foundation
import Testing
@testable import Statistics

@Suite struct AgreementTests {
    /// SplitMix64 from seed 0 begins 0xE220A8397B1DCDAF (the reference sequence of Vigna's splitmix64.c).
    @Test func splitMixReferenceValue() {
        var s = SplitMix64(seed: 0)
        #expect(s.next() == 0xE220A8397B1DCDAF)
        #expect(s.next() == 0x6E789E6AA1B965F4)
    }

    @Test func xoshiroIsDeterministicAndUniform() {
        var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42), c = Xoshiro256StarStar(seed: 43)
        let xa = (0..<5).map { _ in a.next() }
        #expect(xa == (0..<5).map { _ in b.next() })
        #expect(xa != (0..<5).map { _ in c.next() })
        var r = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n { let z = r.normal(); sum += z; sumSq += z * z }
        #expect(abs(sum / Double(n)) < 0.01)
        #expect(abs(sumSq / Double(n) - 1) < 0.015)
    }

    @Test func madAndRmse() throws {
        let reference = [100.0, 120, 130, 90, 150, 160, 110, 105]
        let measured = [104.0, 118, 139, 90, 141, 166, 112, 100]
        let a = try MeasurementAgreement(measured: measured, reference: reference, replicates: 4000, seed: 3)
        #expect(close(a.meanAbsoluteDifference.estimate, (4.0 + 2 + 9 + 0 + 9 + 6 + 2 + 5) / 8, 1e-12))
        #expect(close(a.rootMeanSquareError.estimate, ((16.0 + 4 + 81 + 0 + 81 + 36 + 4 + 25) / 8).squareRoot(), 1e-12))
        #expect(a.meanAbsoluteDifference.ciLow < 4.625 && a.meanAbsoluteDifference.ciHigh > 4.625)
        let again = try MeasurementAgreement(measured: measured, reference: reference, replicates: 4000, seed: 3)
        #expect(again == a)
        let other = try MeasurementAgreement(measured: measured, reference: reference, replicates: 4000, seed: 4)
        #expect(other.rootMeanSquareError.ciLow != a.rootMeanSquareError.ciLow)
    }

    /// The percentile bootstrap of a mean on a large normal sample has half-width ≈ 1.96 σ/√n.
    @Test func bootstrapWidthMatchesTheory() {
        var r = Xoshiro256StarStar(seed: 11)
        let x = (0..<400).map { _ in 10 + 2 * r.normal() }
        let b = BootstrapInterval(units: x.count, replicates: 3000, seed: 5) { idx in idx.reduce(0) { $0 + x[$1] } / Double(idx.count) }
        let halfWidth = (b.ciHigh - b.ciLow) / 2
        #expect(abs(halfWidth - 1.96 * 2 / 20) < 0.02, "half-width \(halfWidth)")
    }

    @Test func kappaErrors() {
        #expect(throws: StatisticsError.self) { try CohenKappa(table: [[1, 2], [3]]) }
        #expect(throws: StatisticsError.self) { try CohenKappa(table: [[5]]) }
        #expect(throws: StatisticsError.self) { try CohenKappa([1, 2], [1]) }
    }
}
