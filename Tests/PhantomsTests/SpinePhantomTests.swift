import Testing
@testable import Phantoms

@Suite struct SpinePhantomTests {
    let phantom = SpinePhantom(size: 160)

    @Test func levelCentresAreOrderedAndInsideTheImage() throws {
        for seed in UInt64(1)...4 {
            let study = phantom.generate(seed: seed)
            let ref = try #require(study.reference.spine)
            #expect(ref.levels.map(\.level) == ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"])
            #expect(study.images.contains { $0.path == ref.midSliceImage })
            #expect([3, 5].contains(study.images.count))
            for (a, b) in zip(ref.levels, ref.levels.dropFirst()) {
                #expect(a.center.y < b.center.y, "craniocaudal order")
            }
            for level in ref.levels {
                #expect(level.center.x > 0 && level.center.x < 160 && level.center.y > 0 && level.center.y < 160)
                // The canal lies behind the disc (posterior = image right).
                #expect(level.canalPoint.x > level.center.x)
                #expect(abs(level.centerMm.x - level.center.x * ref.pixelSpacing) < 0.02)
                #expect((1...5).contains(level.pfirrmann))
                #expect(level.listhesis.meyerding == SpineGrades.meyerding(level.listhesis.percent))
                #expect(level.discHeightMm > 2 && level.discHeightMm < 16)
            }
        }
    }

    /// The canal diameter in the reference agrees with the class: severe < moderate < normal/mild.
    @Test func canalDiameterMatchesStenosisClass() throws {
        for seed in UInt64(1)...6 {
            let ref = try #require(phantom.generate(seed: seed).reference.spine)
            for level in ref.levels {
                switch level.canalStenosis {
                case .severe: #expect(level.canalDiameterMm < 5)
                case .moderate: #expect(level.canalDiameterMm >= 5 && level.canalDiameterMm < 9.5)
                case .normalMild: #expect(level.canalDiameterMm >= 9.5)
                }
            }
        }
    }

    /// Pfirrmann V discs are collapsed relative to grade I–II discs of the same level.
    @Test func discHeightFallsWithPfirrmannGrade() {
        #expect(SpinePhantom.heightFactor == SpinePhantom.heightFactor.sorted(by: >))
        #expect(SpinePhantom.nucleusSignal == SpinePhantom.nucleusSignal.sorted(by: >))
    }

    @Test func gradeDistributionsCoverEveryClass() {
        var rng = PhantomRandom(seed: 3)
        var stenosis = [CanalStenosis: Int](), pfirrmann = [Int: Int](), meyerding = Set<Int>()
        for _ in 0..<400 {
            let grades = SpineGrades.random(ageYears: rng.uniform(20, 85), rng: &rng)
            for level in grades.levels {
                stenosis[level.stenosis, default: 0] += 1
                pfirrmann[level.pfirrmann, default: 0] += 1
                meyerding.insert(SpineGrades.meyerding(level.slipPercent))
            }
        }
        #expect(Set(stenosis.keys) == Set(CanalStenosis.allCases))
        #expect(Set(pfirrmann.keys) == Set(1...5))
        #expect(meyerding.isSuperset(of: [0, 1, 2]))
        // Normal/mild dominates, as in RSNA 2024; severe is the rarest class.
        #expect(stenosis[.normalMild]! > stenosis[.moderate]! && stenosis[.moderate]! > stenosis[.severe]!)
    }

    @Test func meyerdingCutoffs() {
        #expect(SpineGrades.meyerding(0) == 0)
        #expect(SpineGrades.meyerding(25) == 1 && SpineGrades.meyerding(26) == 2)
        #expect(SpineGrades.meyerding(50) == 2 && SpineGrades.meyerding(51) == 3)
        #expect(SpineGrades.meyerding(-10) == 1)
        #expect(SpineGrades.meyerding(120) == 5)
    }

    /// CSF is bright on T2 where the canal is open and effaced where it is severely narrowed.
    @Test func csfSignalFollowsStenosis() throws {
        var open: [Double] = [], closed: [Double] = []
        var seed: UInt64 = 1
        while (closed.count < 2 || open.count < 4) && seed < 80 {
            let study = phantom.generate(seed: seed)
            let ref = try #require(study.reference.spine)
            let mid = try #require(study.images.first { $0.path == ref.midSliceImage })
            for level in ref.levels {
                let v = windowMean(mid, level.canalPoint) / mid.windowCenter
                if level.canalStenosis == .severe { closed.append(v) }
                if level.canalStenosis == .normalMild { open.append(v) }
            }
            seed += 1
        }
        #expect(closed.count >= 2)
        let meanOpen = open.reduce(0, +) / Double(open.count), meanClosed = closed.reduce(0, +) / Double(closed.count)
        #expect(meanOpen > 1.25 * meanClosed)
    }
}
