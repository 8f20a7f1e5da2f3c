import Testing

@Suite struct InferenceSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
