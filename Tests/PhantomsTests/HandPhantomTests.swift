import Testing
@testable import Phantoms

@Suite struct HandPhantomTests {
    let hand = HandPhantom(width: 256, height: 320)

    /// Every centre is present exactly when bone age minus its jitter has reached its schedule
    /// age, and fused exactly when the fusion age has been reached.
    @Test(arguments: [(6.0, PhantomSex.male), (30, .female), (70, .male), (125, .female), (160, .male), (185, .female), (214, .male)])
    func centresFollowTheSchedule(boneAge: Double, sex: PhantomSex) throws {
        let study = hand.generate(seed: UInt64(boneAge * 10), boneAgeMonths: boneAge, sex: sex)
        let ref = try #require(study.reference.hand)
        #expect(ref.boneAgeMonths == boneAge && ref.sex == sex)
        let schedule = Dictionary(uniqueKeysWithValues: OssificationSchedule.entries(sex: sex).map { ($0.name, $0) })
        #expect(ref.centres.count == schedule.count)
        for c in ref.centres {
            let entry = try #require(schedule[c.name])
            #expect(abs(c.jitterMonths) <= OssificationSchedule.maxJitterMonths)
            #expect(c.appearDueMonths == entry.appearMonths)
            #expect(c.present == (boneAge - c.jitterMonths >= entry.appearMonths), "\(c.name)")
            if let fusion = entry.fusionMonths {
                #expect(c.fused == (c.present && boneAge - c.jitterMonths >= fusion), "\(c.name)")
            } else {
                #expect(!c.fused)
            }
            #expect(c.location.x >= 0 && c.location.x < 256 && c.location.y >= 0 && c.location.y < 320, "\(c.name) outside")
        }
        // Carpal count lies between the counts due at bone age ± the largest jitter.
        let carpals = schedule.values.filter { $0.group == .carpal }
        let j = OssificationSchedule.maxJitterMonths
        let low = carpals.filter { $0.appearMonths <= boneAge - j }.count
        let high = carpals.filter { $0.appearMonths <= boneAge + j }.count
        #expect(ref.carpalsVisible >= low && ref.carpalsVisible <= high)
    }

    @Test func infantsHaveFewCarpalsAndNoFusionAdultsAreFused() throws {
        let infant = try #require(hand.generate(seed: 1, boneAgeMonths: 8, sex: .male).reference.hand)
        #expect(infant.carpalsVisible <= 2)
        #expect(infant.centres.allSatisfy { !$0.fused })
        #expect(infant.centres.first { $0.name == "pisiform" }?.present == false)
        let adult = try #require(hand.generate(seed: 2, boneAgeMonths: 216, sex: .male).reference.hand)
        #expect(adult.carpalsVisible == 8)
        for name in ["distal phalanx 3", "metacarpal 2", "radius"] {
            #expect(adult.centres.first { $0.name == name }?.fused == true, "\(name)")
        }
    }

    /// The drawn scene holds exactly the carpals the reference calls present.
    @Test func sceneMatchesReference() throws {
        for (ba, sex) in [(40.0, PhantomSex.female), (100, .male)] {
            let study = hand.generate(seed: 11, boneAgeMonths: ba, sex: sex)
            let ref = try #require(study.reference.hand)
            var rng = PhantomRandom(seed: 1)
            var jitter: [String: Double] = [:]
            for c in ref.centres { jitter[c.name] = c.jitterMonths }
            let subject = HandPhantom.Subject(sex: sex, boneAgeMonths: ba, chronologicalAgeMonths: ref.chronologicalAgeMonths,
                                              gpSD: ref.gpStandardDeviationMonths, sizeJitter: 1, jitter: jitter)
            var anatomy = HandAnatomy(subject: subject, rng: &rng)
            let names = Set(anatomy.build().scene.bones.map(\.name))
            for c in ref.centres where c.group == .carpal {
                #expect(names.contains(c.name) == c.present, "\(c.name)")
            }
        }
    }

    /// Older hands are larger in the same detector: bone length is a cue of age.
    @Test func handsGrowWithBoneAge() {
        let s1 = HandPhantom.sizeFactor(boneAgeMonths: 24, sex: .female)
        let s2 = HandPhantom.sizeFactor(boneAgeMonths: 120, sex: .female)
        let s3 = HandPhantom.sizeFactor(boneAgeMonths: 200, sex: .female)
        #expect(s1 < s2 && s2 < s3)
        #expect(HandPhantom.sizeFactor(boneAgeMonths: 200, sex: .male) > s3)
    }

    /// Epiphysis width relative to its metaphysis rises with bone age.
    @Test func epiphysesWidenWithAge() throws {
        func ratio(_ ba: Double) throws -> Double {
            let ref = try #require(hand.generate(seed: 5, boneAgeMonths: ba, sex: .female).reference.hand)
            return try #require(ref.centres.first { $0.name == "proximal phalanx 3" }?.widthRatio)
        }
        #expect(try ratio(30) < ratio(60))
        #expect(try ratio(60) < ratio(110))
    }

    @Test func greulichPyleTableValuesAndInterpolation() {
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 120, sex: .male) == 9.79)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 120, sex: .female) == 11.73)
        #expect(abs(GreulichPyleTable.standardDeviation(ageMonths: 15, sex: .male) - (1.97 + 3.52) / 2) < 1e-9)
        // Clamped beyond the ends of the table (girls' rows end at 16 y).
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 230, sex: .female) == 7.31)
        #expect(GreulichPyleTable.standardDeviation(ageMonths: 1, sex: .male) == 0.69)
    }

    /// Chronological ages spread around bone age like the G&P SDs, with delayed and advanced tails.
    @Test func chronologicalAgeSpread() {
        var rng = PhantomRandom(seed: 8)
        var zs: [Double] = []
        for k in 0..<3000 {
            let ba = 24 + Double(k % 170)
            let sex: PhantomSex = k % 2 == 0 ? .male : .female
            let ca = HandPhantom.chronologicalAge(boneAgeMonths: ba, sex: sex, rng: &rng)
            zs.append((ba - ca) / GreulichPyleTable.standardDeviation(ageMonths: ba, sex: sex))
        }
        let mean = zs.reduce(0, +) / Double(zs.count)
        let within2 = Double(zs.filter { abs($0) <= 2 }.count) / Double(zs.count)
        #expect(abs(mean) < 0.1)
        #expect(within2 > 0.8 && within2 < 0.95)
        #expect(zs.contains { $0 > 2 } && zs.contains { $0 < -2 })
    }
}
