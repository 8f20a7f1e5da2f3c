import Statistics
import Testing

@Suite struct PlotAxisTests {
    @Test func linearTicksUseNiceStepsAndCoverTheRange() {
        // Range 0.74 / 5 = 0.148 → Heckbert's rounded nice step 0.1.
        #expect(PlotAxis.linearTicks(low: 0.13, high: 0.87, count: 5) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        // 0…1 in 5 intervals: step 0.2 exactly, no binary noise in the labels.
        #expect(PlotAxis.linearTicks(low: 0, high: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // 37 / 4 = 9.25 → step 10.
        #expect(PlotAxis.linearTicks(low: 3, high: 40, count: 4) == [0, 10, 20, 30, 40])
    }

    @Test func linearTicksOfADegenerateRangeStillSpanIt() {
        let ticks = PlotAxis.linearTicks(low: 5, high: 5)
        #expect(ticks.count >= 2)
        #expect(ticks.first! <= 5 && ticks.last! >= 5)
    }

    @Test func logTicksAreOneTwoFiveDecadesAroundTheData() {
        #expect(PlotAxis.logTicks(low: 12, high: 180) == [10, 20, 50, 100, 200])
        #expect(PlotAxis.logTicks(low: 3, high: 7) == [2, 5, 10])
        #expect(PlotAxis.logTicks(low: 10, high: 10) == [10])
        #expect(PlotAxis.logTicks(low: 0, high: 10).isEmpty)
    }

    @Test func logTicksBracketRandomRanges() {
        var low = 0.37
        for _ in 0..<40 {
            let high = low * 7.3
            let ticks = PlotAxis.logTicks(low: low, high: high)
            #expect(ticks.first! <= low && ticks.last! >= high, "\(low)…\(high): \(ticks)")
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0 < $1 })
            low *= 1.7
        }
    }
}
