import Testing

@Suite struct TerminalUISmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
