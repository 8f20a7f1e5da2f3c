import Foundation
import Testing
@testable import Phantoms

@Suite struct PhantomGeneratorTests {
    @Test(arguments: PhantomKind.allCases)
    func sameSeedGivesIdenticalStudies(kind: PhantomKind) {
        let a = smallGenerator.generate(kind: kind, seed: 1234, index: 2)
        let b = smallGenerator.generate(kind: kind, seed: 1234, index: 2)
        #expect(pixelHash(a) == pixelHash(b))
        #expect(a.referenceJSON() == b.referenceJSON())
        #expect(a.studyJSON() == b.studyJSON())
    }

    @Test(arguments: PhantomKind.allCases)
    func differentSeedsOrIndicesDiffer(kind: PhantomKind) {
        let a = smallGenerator.generate(kind: kind, seed: 1234, index: 0)
        let b = smallGenerator.generate(kind: kind, seed: 1235, index: 0)
        let c = smallGenerator.generate(kind: kind, seed: 1234, index: 1)
        #expect(pixelHash(a) != pixelHash(b))
        #expect(pixelHash(a) != pixelHash(c))
        #expect(a.id != b.id && a.id != c.id)
    }

    /// Any study of a batch can be regenerated alone from (seed, index).
    @Test func batchMembersRegenerateAlone() {
        let batch = smallGenerator.generate(kind: .spine, count: 3, seed: 77)
        #expect(batch.count == 3)
        let third = smallGenerator.generate(kind: .spine, seed: 77, index: 2)
        #expect(pixelHash(batch[2]) == pixelHash(third))
        #expect(Set(batch.map(\.id)).count == 3)
    }

    @Test(arguments: PhantomKind.allCases)
    func imagesAreTwelveBitAndNotFlat(kind: PhantomKind) {
        let study = smallGenerator.generate(kind: kind, seed: 9, index: 0)
        #expect(!study.images.isEmpty)
        for image in study.images {
            #expect(image.samples.count == image.width * image.height)
            #expect(image.bitsStored == 12)
            #expect(image.samples.allSatisfy { $0 <= 4095 })
            #expect(percentile(image.samples, 0.95) - percentile(image.samples, 0.05) > 300)
            #expect(image.pixelSpacing > 0.05 && image.pixelSpacing < 3)
            #expect(image.windowWidth > 0)
        }
    }

    @Test(arguments: PhantomKind.allCases)
    func studyJSONFollowsTheLibraryFormat(kind: PhantomKind) throws {
        let study = smallGenerator.generate(kind: kind, seed: 3, index: 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(study.studyJSON())) as? [String: Any])
        #expect(json["formatVersion"] as? Int == 1)
        #expect(json["id"] as? String == study.id)
        #expect(json["kind"] as? String == kind.rawValue)
        #expect(["CR", "DX", "MR"].contains(json["modality"] as? String ?? ""))
        #expect((json["bodyPart"] as? String)?.isEmpty == false)
        let patient = try #require(json["patient"] as? [String: Any])
        #expect(["F", "M", "O"].contains(patient["sex"] as? String ?? ""))
        #expect(patient["ageMonths"] as? Int == study.patient.ageMonths)
        #expect((patient["pseudoId"] as? String)?.hasPrefix("PH") == true)
        let series = try #require(json["series"] as? [[String: Any]])
        let paths = series.flatMap { $0["images"] as? [String] ?? [] }
        #expect(paths == study.images.map(\.path))
        #expect(Set(paths).count == paths.count)
        #expect(paths.allSatisfy { $0.hasPrefix("images/") && $0.hasSuffix(".png") })
        // Sorted keys: the encoder output is stable text.
        let text = String(decoding: study.studyJSON(), as: UTF8.self)
        #expect(text.range(of: "\"bodyPart\"")!.lowerBound < text.range(of: "\"formatVersion\"")!.lowerBound)
    }

    @Test(arguments: PhantomKind.allCases)
    func referenceJSONRoundTrips(kind: PhantomKind) throws {
        let study = smallGenerator.generate(kind: kind, seed: 5, index: 0)
        let decoded = try JSONDecoder().decode(PhantomReference.self, from: Data(study.referenceJSON()))
        #expect(decoded == study.reference)
        #expect(decoded.studyId == study.id)
        #expect(decoded.kind == kind)
        #expect(UInt64(decoded.seed) == PhantomGenerator.studySeed(kind: kind, seed: 5, index: 0))
        switch kind {
        case .hand: #expect(decoded.hand != nil && decoded.extremity == nil && decoded.spine == nil)
        case .extremity: #expect(decoded.extremity != nil && decoded.hand == nil && decoded.spine == nil)
        case .spine: #expect(decoded.spine != nil && decoded.hand == nil && decoded.extremity == nil)
        }
    }

    /// Speed sanity (not timed): a full-size spine study renders in the default size.
    @Test func fullSizeSpineStudy() {
        let study = PhantomGenerator().generate(kind: .spine, seed: 1, index: 0)
        #expect(study.images.allSatisfy { $0.width == 320 && $0.height == 320 })
        let defaults = PhantomGenerator()
        #expect(defaults.handSize.width == 1024 && defaults.handSize.height == 1280)
    }
}
