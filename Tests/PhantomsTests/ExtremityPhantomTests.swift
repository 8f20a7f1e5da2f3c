import Testing
@testable import Phantoms

@Suite struct ExtremityPhantomTests {
    let phantom = ExtremityPhantom(width: 192, height: 240)

    @Test(arguments: ExtremityAnatomy.Part.allCases)
    func fractureBoxesAreInsideTheImageAndOnBone(part: ExtremityAnatomy.Part) throws {
        for seed in UInt64(1)...3 {
            let study = phantom.generate(seed: seed, part: part.rawValue, abnormal: true)
            let ref = try #require(study.reference.extremity)
            #expect(ref.label == "abnormal")
            let fracture = try #require(ref.fracture)
            #expect(fracture.fragments >= 2)
            #expect(fracture.pattern == .comminuted ? fracture.fragments > 2 : fracture.fragments == 2)
            #expect(study.images.count == part.views.count)
            for (image, imageRef) in zip(study.images, ref.images) {
                #expect(imageRef.image == image.path && imageRef.label == "abnormal")
                let box = try #require(imageRef.fractureBox)
                #expect(box.width > 0 && box.height > 0)
                #expect(box.x >= 0 && box.y >= 0)
                #expect(box.x + box.width <= Double(image.width) && box.y + box.height <= Double(image.height))
                // On a bone: the brightest tenth of the box is brighter than most of the image.
                var inBox: [UInt16] = []
                for y in Int(box.y)..<Int(box.y + box.height) {
                    for x in Int(box.x)..<Int(box.x + box.width) { inBox.append(image.samples[y * image.width + x]) }
                }
                #expect(percentile(inBox, 0.9) > percentile(image.samples, 0.6), "\(part) seed \(seed) \(image.view)")
            }
        }
    }

    @Test func normalStudiesHaveNoFractureOrBoxes() throws {
        for seed in UInt64(10)...13 {
            let study = phantom.generate(seed: seed, abnormal: false)
            let ref = try #require(study.reference.extremity)
            #expect(ref.label == "normal" && ref.fracture == nil)
            #expect(ref.images.allSatisfy { $0.label == "normal" && $0.fractureBox == nil })
            #expect((2...3).contains(study.images.count))
        }
    }

    /// The fracture changes the image where the box says, and only the image of that study:
    /// the same seed rendered normal differs from the abnormal one inside the box.
    @Test func fractureIsVisibleInsideTheBox() throws {
        let seed: UInt64 = 21
        let broken = phantom.generate(seed: seed, part: "FOREARM", abnormal: true)
        let intact = phantom.generate(seed: seed, part: "FOREARM", abnormal: false)
        let box = try #require(broken.reference.extremity?.images.first?.fractureBox)
        let a = broken.images[0], b = intact.images[0]
        var inside = 0.0, outside = 0.0, nIn = 0.0, nOut = 0.0
        for y in 0..<a.height {
            for x in 0..<a.width {
                let d = abs(Double(a.samples[y * a.width + x]) - Double(b.samples[y * a.width + x]))
                if box.contains(PixelPoint(x: Double(x), y: Double(y))) { inside += d; nIn += 1 } else { outside += d; nOut += 1 }
            }
        }
        #expect(inside / nIn > 2 * outside / nOut)
    }

    /// Over a batch every pattern, both labels and several body parts occur.
    @Test func batchCoversEveryClass() throws {
        var rng = PhantomRandom(seed: 99)
        let patterns = Set((0..<300).map { _ in FracturePlan.random(bone: "radius", rng: &rng).pattern })
        #expect(patterns == Set(FracturePattern.allCases))
        var parts = Set<String>(), labels = Set<String>()
        for index in 0..<16 {
            let ref = try #require(smallGenerator.generate(kind: .extremity, seed: 42, index: index).reference.extremity)
            parts.insert(ref.bodyPart)
            labels.insert(ref.label)
        }
        #expect(labels == ["normal", "abnormal"])
        #expect(parts.count >= 3)
    }

    @Test func fracturePlansRespectTheAODefinitions() {
        var rng = PhantomRandom(seed: 5)
        for _ in 0..<500 {
            let plan = FracturePlan.random(bone: "ulna", rng: &rng)
            let angle = abs(Math.degrees(plan.lineAngle))
            switch plan.pattern {
            case .transverse: #expect(angle < 30)
            case .oblique: #expect(angle >= 30)
            case .comminuted: break
            }
            #expect(plan.position > 0.1 && plan.position < 0.9)
            #expect(plan.gap > 0)
        }
    }

    @Test func hardwareAppearsInBothClasses() {
        var withHardware = [true: 0, false: 0]
        var p = phantom
        p.hardwareRate = 1
        for (seed, abnormal) in [(UInt64(1), true), (2, false)] {
            let study = p.generate(seed: seed, part: "FOREARM", abnormal: abnormal)
            if study.reference.extremity?.hardware == true { withHardware[abnormal, default: 0] += 1 }
            // Metal is rendered at the top of the range.
            #expect(study.images.contains { percentile($0.samples, 0.999) >= 3800 })
        }
        #expect(withHardware[true] == 1 && withHardware[false] == 1)
    }
}
