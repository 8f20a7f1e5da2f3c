extension TimingRules {
    /// Reading time of one reader on one case (one assignment) from its events
    /// in ledger order. Events before the first `opened` and after the last
    /// `signed` do not count. Durations come from `monotonicNanos` only, and
    /// only between consecutive events of the same `appSession`.
    public func measure(_ events: [ReadEvent]) throws(ReaderStudyError) -> CaseTiming {
        var timing = CaseTiming()
        let lastSign = events.lastIndex { $0.kind == .signed }
        let threshold = UInt64((min(max(idleThreshold, 0), 1e9) * 1e9).rounded())  // ≤ 31 years: no overflow
        var open = false, paused = false, idleMarked = false
        var aiSeen = false, aiVisible = false
        var atLastSign = CaseTiming()
        var previous: ReadEvent?

        for (index, event) in events.enumerated() {
            if let lastSign, index > lastSign { break }
            if let before = previous {
                if before.appSession == event.appSession {
                    guard event.monotonicNanos >= before.monotonicNanos else {
                        throw .eventsOutOfOrder(appSession: event.appSession, index: index)
                    }
                    if open {
                        let gap = event.monotonicNanos - before.monotonicNanos
                        timing.totalNanos += gap
                        if paused {
                            timing.pausedNanos += gap
                        } else if idleMarked {
                            timing.idleNanos += gap
                        } else {
                            let active: UInt64
                            switch idleRule {
                            case .capAtThreshold: active = min(gap, threshold)
                            case .excludeWholeGap: active = gap > threshold ? 0 : gap
                            }
                            timing.idleNanos += gap - active
                            timing.activeNanos += active
                            if aiSeen { timing.afterAINanos += active } else { timing.beforeAINanos += active }
                            if aiVisible { timing.aiVisibleNanos += active }
                        }
                    }
                } else {
                    // Quit or crash: nothing after the last event of the old app
                    // session is known, so nothing is counted until the case is opened again.
                    if open { timing.interruptions += 1 }
                    open = false; paused = false; idleMarked = false; aiVisible = false
                }
            }
            previous = event

            switch event.kind {
            case .opened:
                if !open { timing.opens += 1 }
                open = true; paused = false; idleMarked = false
            case .closed:
                open = false; paused = false; idleMarked = false
            case .paused:
                paused = true
            case .resumed:
                paused = false; idleMarked = false
            case .idle:
                idleMarked = true
            case .aiRevealed:
                aiSeen = true; aiVisible = true; idleMarked = false
            case .aiHidden:
                aiVisible = false; idleMarked = false
            case .signed:
                timing.passes.append(.between(atLastSign, timing))
                atLastSign = timing
                if index == lastSign { timing.isSigned = true }
                idleMarked = false
            case .valueChanged, .accepted, .overridden, .confidence, .activity:
                // Any input ends an idle stretch; during a pause only `resumed` counts.
                idleMarked = false
            }
        }
        return timing
    }
}
