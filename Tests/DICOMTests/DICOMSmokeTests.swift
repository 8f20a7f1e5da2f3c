import Testing

@Suite struct DICOMSmoke {
    @Test func moduleBuilds() { #expect(Bool(true)) }
}
