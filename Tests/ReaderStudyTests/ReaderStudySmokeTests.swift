import Testing

@Suite struct ReaderStudySmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
