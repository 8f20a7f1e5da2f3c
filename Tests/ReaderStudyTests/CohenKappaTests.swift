import Testing
@testable import ReaderStudy

/// Expected values are copies of `../shared/reference/kappa-auc/REFERENCE_kappa_auc.json`
/// (scikit-learn 1.9.1 and R psych 2.2.9, which agree; published values where they exist),
/// kept here so the tests run without `../shared`.
@Suite struct CohenKappaTests {
    @Test func scikitLearnDocstringExample() {
        let labels = ["negative", "neutral", "positive"]
        let a = ["negative", "positive", "negative", "neutral", "positive"].map { labels.firstIndex(of: $0)! }
        let b = ["negative", "positive", "negative", "neutral", "negative"].map { labels.firstIndex(of: $0)! }
        #expect(abs(CohenKappa.kappa(a, b, categories: 3)! - 0.6875) < 1e-12)
    }

    @Test(arguments: [
        ([[20.0, 5], [10, 15]], 0.4),
        ([[45.0, 15], [25, 15]], 0.13043478260869568),
        ([[25.0, 35], [5, 35]], 0.2592592592592593),
    ])
    func wikipediaTwoByTwo(table: [[Double]], expected: Double) {
        #expect(abs(CohenKappa.kappa(table: table)! - expected) < 1e-12)
        // With two categories every weighting gives the same κ.
        #expect(abs(CohenKappa.kappa(table: table, weights: .quadratic)! - expected) < 1e-12)
    }

    @Test func fleissCohenEveritt1969Weighted() {
        let table: [[Double]] = [[106, 10, 4], [22, 28, 10], [2, 12, 6]]
        #expect(abs(CohenKappa.kappa(table: table)! - 0.4285714285714286) < 1e-12)
        #expect(abs(CohenKappa.kappa(table: table, weights: .linear)! - 0.49230769230769234) < 1e-12)
        #expect(abs(CohenKappa.kappa(table: table, weights: .quadratic)! - 0.5666666666666667) < 1e-12)
    }

    @Test func vanDykeReadersFivePointScale() {
        // Van Dyke 1993, treatment 0, readers 0 and 1, 114 cases, ratings 1-5 (from the CSV beside the reference).
        let r0 = "122151111111411111111131311214111113121211233131133111111221111332111555545554555434245555555154454553555115554451"
        let r1 = "232222222322522232222222422223222222222222222222222222222432232222222535555542555442225555555243354552425225555352"
        let a = r0.map { Int(String($0))! - 1 }, b = r1.map { Int(String($0))! - 1 }
        #expect(a.count == 114 && b.count == 114)
        #expect(abs(CohenKappa.kappa(a, b, categories: 5)! - 0.17464241568073458) < 1e-12)
        #expect(abs(CohenKappa.kappa(a, b, categories: 5, weights: .linear)! - 0.5285940524370931) < 1e-12)
        #expect(abs(CohenKappa.kappa(a, b, categories: 5, weights: .quadratic)! - 0.7638549307253464) < 1e-12)
    }

    @Test func undefinedCasesGiveNil() {
        #expect(CohenKappa.kappa([1, 1, 1], [1, 1, 1], categories: 3) == nil)
        #expect(CohenKappa.kappa([], [], categories: 2) == nil)
        #expect(CohenKappa.kappa([0, 3], [0, 1], categories: 2) == nil)
        #expect(CohenKappa.kappa(table: [[1, 2]]) == nil)
    }
}
