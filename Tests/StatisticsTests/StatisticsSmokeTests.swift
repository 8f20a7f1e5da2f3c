import Testing

@Suite struct StatisticsSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
