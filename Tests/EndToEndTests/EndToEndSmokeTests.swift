import Testing

@Suite struct EndToEndSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
