import Testing

@Suite struct ReadingAppSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
