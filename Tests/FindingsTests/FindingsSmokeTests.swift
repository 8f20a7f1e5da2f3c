import Testing

@Suite struct FindingsSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
