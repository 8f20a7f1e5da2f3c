import Testing

@Suite struct PhantomsSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
