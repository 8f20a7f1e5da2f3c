import Testing

@Suite struct WorklistSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
