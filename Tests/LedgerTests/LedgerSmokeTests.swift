import Testing

@Suite struct LedgerSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
