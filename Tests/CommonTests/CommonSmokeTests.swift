import Testing

@Suite struct CommonSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
