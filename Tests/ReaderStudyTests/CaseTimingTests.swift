import Testing
@testable import ReaderStudy

@Suite struct CaseTimingTests {
    let rules = TimingRules.standard

    @Test func straightReadCountsEverything() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(10, .accepted); s.at(20, .overridden); s.at(30, .signed)
        let t = try rules.measure(s.events)
        #expect(t.total == 30 && t.active == 30 && t.idle == 0 && t.paused == 0)
        #expect(t.beforeAI == 30 && t.afterAI == 0)
        #expect(t.isSigned && t.opens == 1 && t.interruptions == 0)
        #expect(t.passActive == [30])
    }

    @Test func aidedReadSplitsAtTheReveal() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(2, .aiRevealed); s.at(10, .accepted); s.at(15, .signed)
        let t = try rules.measure(s.events)
        #expect(t.beforeAI == 2 && t.afterAI == 13 && t.aiVisible == 13 && t.total == 15)
    }

    @Test func idleGapIsCappedOrExcluded() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(10, .activity); s.at(130, .accepted); s.at(140, .signed)
        let capped = try rules.measure(s.events)
        #expect(capped.total == 140)
        #expect(capped.active == 80)   // 10 + 60 (capped) + 10
        #expect(capped.idle == 60)
        let excluded = try TimingRules(idleThreshold: 60, idleRule: .excludeWholeGap).measure(s.events)
        #expect(excluded.active == 20 && excluded.idle == 120 && excluded.total == 140)
    }

    @Test func gapAtTheThresholdIsStillActive() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(60, .signed)
        let t = try TimingRules(idleThreshold: 60, idleRule: .excludeWholeGap).measure(s.events)
        #expect(t.active == 60 && t.idle == 0)
    }

    @Test func extremeThresholdsDoNotTrap() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(1000, .signed)
        #expect(try TimingRules(idleThreshold: .infinity).measure(s.events).active == 1000)
        #expect(try TimingRules(idleThreshold: -5).measure(s.events).active == 0)
    }

    @Test func explicitPauseIsExcludedEvenWhenLong() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(10, .paused); s.at(310, .resumed); s.at(320, .signed)
        let t = try rules.measure(s.events)
        #expect(t.total == 320 && t.paused == 300 && t.active == 20 && t.idle == 0)
    }

    @Test func inputDuringAPauseDoesNotResumeIt() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(10, .paused); s.at(20, .activity); s.at(40, .resumed); s.at(50, .signed)
        let t = try rules.measure(s.events)
        #expect(t.paused == 30 && t.active == 20)
    }

    @Test func explicitIdleEventExcludesUntilTheNextInput() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(60, .idle); s.at(200, .activity); s.at(210, .signed)
        let t = try rules.measure(s.events)
        #expect(t.active == 70 && t.idle == 140 && t.total == 210)
    }

    @Test func crashGapIsNeverCounted() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(20, .accepted)          // crash: no closed
        s.restart()
        // Monotonic clock of the new run starts low; the wall clock jumped an hour.
        s.at(5, .opened, wall: 1_780_003_600); s.at(15, .accepted, wall: 1_780_003_610); s.at(25, .signed, wall: 1_780_003_620)
        let t = try rules.measure(s.events)
        #expect(t.total == 40 && t.active == 40)
        #expect(t.interruptions == 1 && t.opens == 2)
    }

    @Test func quitWithCloseIsNotAnInterruption() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(40, .closed)
        s.restart()
        s.at(100, .opened); s.at(110, .signed)
        let t = try rules.measure(s.events)
        #expect(t.total == 50 && t.interruptions == 0 && t.opens == 2)
    }

    @Test func closedPeriodsBetweenOpensDoNotCount() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(30, .closed)       // reader went to another case
        s.at(500, .opened); s.at(505, .activity); s.at(520, .signed)
        let t = try rules.measure(s.events)
        #expect(t.total == 50 && t.active == 50 && t.opens == 2)
    }

    @Test func crashWhilePausedEndsThePause() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(10, .paused); s.at(20, .activity)
        s.restart()
        s.at(0, .opened); s.at(30, .signed)
        let t = try rules.measure(s.events)
        #expect(t.paused == 10 && t.active == 40 && t.total == 50)
    }

    @Test func sequentialPassesAreTimedSeparately() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(20, .accepted); s.at(30, .signed)
        s.at(30, .aiRevealed); s.at(45, .overridden); s.at(50, .signed)
        let t = try rules.measure(s.events)
        #expect(t.passActive == [30, 20])
        #expect(t.passes.map(\.total) == [30, 20])
        #expect(t.passes.map(\.beforeAI) == [30, 0])
        #expect(t.passes.map(\.afterAI) == [0, 20])
        #expect(t.beforeAI == 30 && t.afterAI == 20 && t.total == 50)
    }

    @Test func hidingTheAIKeepsAfterAIButStopsVisibleTime() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(0, .aiRevealed); s.at(10, .aiHidden); s.at(20, .accepted)
        s.at(30, .aiRevealed); s.at(40, .signed)
        let t = try rules.measure(s.events)
        #expect(t.afterAI == 40 && t.beforeAI == 0 && t.aiVisible == 20)
    }

    @Test func eventsOutsideOpenedToLastSignedAreIgnored() throws {
        var s = EventScript()
        s.at(0, .activity); s.at(50, .opened); s.at(60, .signed); s.at(90, .opened); s.at(100, .activity)
        let t = try rules.measure(s.events)
        #expect(t.total == 10 && t.opens == 1 && t.isSigned)
    }

    @Test func unsignedReadIsMeasuredSoFar() throws {
        var s = EventScript()
        s.at(0, .opened); s.at(25, .accepted)
        let t = try rules.measure(s.events)
        #expect(!t.isSigned && t.total == 25 && t.passes.isEmpty)
    }

    @Test func backwardsMonotonicTimeThrows() {
        var s = EventScript()
        s.at(10, .opened); s.at(5, .signed)
        #expect(throws: ReaderStudyError.eventsOutOfOrder(appSession: "app-1", index: 1)) {
            try rules.measure(s.events)
        }
    }

    @Test func partsAlwaysAddUpOnRandomStreams() throws {
        let kinds: [EventKind] = [.opened, .closed, .aiRevealed, .aiHidden, .accepted, .paused, .resumed,
                                  .idle, .activity, .signed, .valueChanged]
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<300 {
            var s = EventScript()
            var clock = 0.0
            s.at(0, .opened)
            for _ in 0..<rng.next(below: 30) {
                if rng.next(below: 12) == 0 { s.restart(); clock = Double(rng.next(below: 100)) }
                clock += Double(rng.next(below: 200))
                s.at(clock, kinds[rng.next(below: kinds.count)])
            }
            let t = try rules.measure(s.events)
            #expect(t.totalNanos == t.activeNanos + t.pausedNanos + t.idleNanos)
            #expect(t.activeNanos == t.beforeAINanos + t.afterAINanos)
            #expect(t.aiVisibleNanos <= t.afterAINanos)
            #expect(t.passes.map(\.activeNanos).reduce(0, +) <= t.activeNanos)
            #expect(t.passes.map(\.totalNanos).reduce(0, +) <= t.totalNanos)
        }
    }
}
