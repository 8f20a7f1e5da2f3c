import Foundation
import Testing
@testable import Statistics

/// Special functions and distributions against scipy 1.17 (Fixtures/distributions_scipy.json).
@Suite struct DistributionTests {
    let cases: [String: Any]

    init() throws {
        cases = try Fixture.json("distributions_scipy.json")["cases"] as! [String: Any]
    }

    func rows(_ key: String) -> [[Double]] {
        (cases[key] as! [Any]).map { ($0 as! [Any]).doubles }
    }

    @Test func logGamma() {
        for r in rows("logGamma") {
            #expect(close(SpecialFunctions.logGamma(r[0]), r[1], 1e-13 * max(1, abs(r[1]))), "lnΓ(\(r[0]))")
        }
    }

    @Test func incompleteBeta() {
        for r in rows("regularizedBeta") {
            #expect(relClose(SpecialFunctions.regularizedBeta(r[0], r[1], r[2]), r[3], 1e-12), "I_\(r[0])(\(r[1]),\(r[2]))")
        }
    }

    @Test func incompleteGamma() {
        for r in rows("regularizedGammaP") {
            #expect(relClose(SpecialFunctions.regularizedGammaP(r[0], r[1]), r[2], 1e-12), "P(\(r[0]),\(r[1]))")
        }
        for r in rows("regularizedGammaQ") {
            #expect(relClose(SpecialFunctions.regularizedGammaQ(r[0], r[1]), r[2], 1e-11), "Q(\(r[0]),\(r[1]))")
        }
    }

    @Test func normal() {
        for r in rows("normalCdf") { #expect(relClose(Normal.cdf(r[0]), r[1], 1e-12), "Φ(\(r[0]))") }
        for r in rows("normalQuantile") { #expect(relClose(Normal.quantile(r[0]), r[1], 1e-12), "Φ⁻¹(\(r[0]))") }
    }

    @Test func studentT() {
        for r in rows("tTwoSidedP") { #expect(relClose(StudentT.twoSidedP(r[0], df: r[1]), r[2], 1e-11), "t p(\(r[0]), \(r[1]))") }
        for r in rows("tQuantile") { #expect(relClose(StudentT.quantile(r[0], df: r[1]), r[2], 1e-11), "t q(\(r[0]), \(r[1]))") }
    }

    @Test func fisherF() {
        for r in rows("fSf") { #expect(relClose(FisherF.sf(r[0], ndf: r[1], ddf: r[2]), r[3], 1e-11), "F sf \(r)") }
        for r in rows("fQuantile") { #expect(relClose(FisherF.quantile(r[0], ndf: r[1], ddf: r[2]), r[3], 1e-11), "F q \(r)") }
    }

    @Test func chiSquared() {
        for r in rows("chiSquaredSf") { #expect(relClose(ChiSquared.sf(r[0], df: r[1]), r[2], 1e-11), "χ² sf \(r)") }
        for r in rows("chiSquaredQuantile") { #expect(relClose(ChiSquared.quantile(r[0], df: r[1]), r[2], 1e-11), "χ² q \(r)") }
    }
}
