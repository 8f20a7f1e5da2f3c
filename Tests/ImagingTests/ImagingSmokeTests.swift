import Testing

@Suite struct ImagingSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
