import Foundation
import TestSupport
import Testing

/// The shipped bone-age model on the real, unlabelled hand radiographs in ../shared: each PNG is
/// imported the way a site would (its own folder, `--modality DX`), then `lightbox infer` must give
/// a finite bone age with an interval for both sexes. No labels exist, so the test checks that the
/// models run and answer in the range a paediatric hand film can have — it does not tune anything.
@Suite struct RealHandRadiographTests {
    @Test func shippedBoneAgeModelRunsOnEveryRealHand() throws {
        guard let folder = SharedReference.directory("radiographs/radinformatics-bone-age-example-images") else {
            print(SharedReference.skipNote("radiographs/radinformatics-bone-age-example-images")); return
        }
        let root = SharedReference.packageRoot.path
        let pngs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(pngs.count >= 10)
        let dir = TempDirectory()
        defer { dir.remove() }
        for png in pngs {
            let sub = dir.file("in/hand-\((png as NSString).deletingPathExtension)")
            try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: folder.path + "/" + png, toPath: sub + "/1.png")
        }
        for sex in ["F", "M"] {
            let lib = dir.file("lib-\(sex)")
            let imported = try LightboxBinary.run(["import", dir.file("in"), "--library", lib, "--kind", "hand",
                                                   "--body-part", "HAND", "--modality", "DX", "--sex", sex])
            #expect(imported.status == 0 && imported.stdout.contains("into \(pngs.count) studies"), "\(imported.stdout)\(imported.stderr)")
            let studies = try FileManager.default.contentsOfDirectory(atPath: lib).filter { !$0.hasPrefix(".") }.sorted()
            let r = try LightboxBinary.run(["infer"] + studies.map { lib + "/" + $0 } + ["--json", "--models", root + "/Models"])
            #expect(r.status == 0, "\(r.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            let one = parsed as? [String: Any]
            let results = (parsed as? [[String: Any]]) ?? (one.map { [$0] } ?? [])
            #expect(results.count == pngs.count)
            for result in results {
                let age = try #require(result["boneAge"] as? [String: Any], "\(result)")
                let months = try #require(age["months"] as? Double), low = try #require(age["low"] as? Double)
                let high = try #require(age["high"] as? Double)
                // 0-19 years is the span of the Greulich-Pyle atlas; a real film outside it would be an error.
                #expect(months.isFinite && (0...228).contains(months) && low < months && months < high, "\(age)")
            }
        }
    }
}
