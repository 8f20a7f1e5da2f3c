import Statistics
import Testing

@Suite struct PlotBoxSummaryTests {
    /// Type 7 quartiles as numpy.percentile and R's quantile() give them:
    /// numpy.percentile([1, 2, 3, 4], [25, 50, 75]) = [1.75, 2.5, 3.25].
    @Test func quartilesMatchNumpyDefault() throws {
        let box = try #require(BoxSummary([4, 1, 3, 2]))
        #expect(box.lowerQuartile == 1.75)
        #expect(box.median == 2.5)
        #expect(box.upperQuartile == 3.25)
        #expect(box.lowerWhisker == 1 && box.upperWhisker == 4)
        #expect(box.outliers.isEmpty)
    }

    @Test func tukeyWhiskersLeaveOutliersOut() throws {
        // numpy.percentile([1..10, 100], [25, 75]) = [3.5, 8.5]; 1.5 IQR = 7.5 → fence 16.
        let box = try #require(BoxSummary(Array(1...10).map(Double.init) + [100]))
        #expect(box.lowerQuartile == 3.5 && box.upperQuartile == 8.5)
        #expect(box.median == 6)
        #expect(box.upperWhisker == 10)
        #expect(box.lowerWhisker == 1)
        #expect(box.outliers == [100])
        #expect(box.count == 11)
    }

    @Test func emptyAndNonFiniteInput() {
        #expect(BoxSummary([]) == nil)
        #expect(BoxSummary([.nan, .infinity]) == nil)
        #expect(BoxSummary([2, .nan])?.median == 2)
    }
}
