import Foundation
import Ledger
import ReaderStudy
import Statistics

/// Writes the synthetic reads of `lightbox simulate` through the ledger, in
/// each reader's assigned order, session after session.
struct SimulateRun {
    let context: ExperimentContext
    let truth: ExperimentTruth
    let wall: SimulatedWallClock
    let seed: UInt64
    let clock: ExperimentClock
    /// The sessions to fill, in order.
    let sessions: [Int]
    let model: SimulateReaderModel

    func run() throws -> String {
        let design = context.design
        // Model case k: normals first, then abnormals (the Roe–Metz sampler's layout).
        let normals = design.caseIDs.filter { truth.truths[$0] == 0 }
        let abnormals = design.caseIDs.filter { truth.truths[$0] == 1 }
        // The Roe–Metz sampler builds a fully crossed MRMC data set, which needs 2 of each.
        guard normals.count >= 2, abnormals.count >= 2 else {
            throw ExperimentCommandError.invalid(field: "experiment \(design.name)",
                                                 problem: "simulation needs at least 2 normal and 2 abnormal cases (\(normals.count) normal, \(abnormals.count) abnormal)")
        }
        guard design.readers.count >= 2 else {
            throw ExperimentCommandError.invalid(field: "experiment \(design.name)",
                                                 problem: "simulation needs at least 2 readers (\(design.readers.count) reader)")
        }
        var modelCase: [String: Int] = [:]
        for (k, id) in (normals + abnormals).enumerated() { modelCase[id] = k }
        let roeMetz = try model.roeMetz(readers: design.readers.count, normals: normals.count, abnormals: abnormals.count)
        let (ratings, times) = roeMetz.sample(seed: seed)
        var seconds: [String: Double] = [:]
        for t in times { seconds["\(t.reader)|\(t.caseID)|\(t.aided)"] = t.seconds }

        var rng = Statistics.Xoshiro256StarStar(seed: seed ^ 0x5EED_A1A1)
        var aiRight: [String: Bool] = [:]
        for id in design.caseIDs { aiRight[id] = rng.uniform() < model.aiAccuracy }

        // Session s happens (washout + 1) days after session s − 1; the last one filled starts a day before now.
        let day = 86_400.0
        let sessionGap = Double(design.washoutDays + 1) * day
        let last = sessions.max() ?? 1
        let gate = SessionGate(design: design, table: context.table)
        var passesWritten = 0, eventsWritten = 0
        for (j, reader) in design.readers.enumerated() {
            for session in sessions {
                let rows = context.table.rows(reader: reader, session: session)
                let appSession = "simulate-\(seed)-\(reader)-s\(session)"
                let start = clock.now.timeIntervalSince1970 - day - Double(last - session) * sessionGap + Double(j) * 600
                // The same gate the reading screen obeys: no session before its washout has passed.
                let completions = context.completions(try context.signedReads())
                let status = try gate.status(reader: reader, session: session, completions: completions,
                                             clock: ExperimentClock(now: Date(timeIntervalSince1970: start)))
                switch status {
                case .open: break
                case .washout(let opensAt):
                    throw ReaderStudyError.sessionNotOpen(reader: reader, session: session,
                                                          problem: "opens \(ExperimentSummary.minute(opensAt)) after a \(design.washoutDays)-day washout; "
                                                              + (TestSeam.isHonoured ? "simulate it with LIGHTBOX_NOW after that" : "simulate it after that"))
                case .waitingForSession(let previous, let remaining):
                    throw ReaderStudyError.sessionNotOpen(reader: reader, session: session,
                                                          problem: "session \(previous) has \(remaining) case(s) left to sign first")
                case .complete:
                    continue
                }
                var wallTime = start
                var mono: UInt64 = 1_000_000_000
                for row in rows {
                    guard let k = modelCase[row.caseID] else { continue }
                    let policy = ArmPolicy(arm: row.arm)
                    for pass in policy.passes {
                        let aided = policy.showsAI(during: pass)
                        let treatment = aided ? 1 : 0
                        let latent = ratings.ratings[treatment][j][k]
                        let level = SimulateReaderModel.level(latent: latent, separation: roeMetz.separation)
                        let (present, confidence) = SimulateReaderModel.call(level: level)
                        var duration = seconds["reader\(j + 1)|\(k + 1)|\(aided)"] ?? model.baselineSeconds
                        if pass == .second { duration *= 0.25 }
                        let readContext = ReadContext(experiment: design.name, session: session, arm: row.arm.rawValue,
                                                      pass: pass == .second ? 2 : 1)
                        wall.set(wallTime)
                        let read = try context.ledger.openRead(reader: reader, study: row.caseID, context: readContext)
                        let script = script(caseID: row.caseID, present: present, aided: aided, aiRight: aiRight[row.caseID] ?? true,
                                            firstOfCase: pass == .first, seconds: duration)
                        for step in script.steps {
                            let event = ReadEvent(kind: step.kind, appSession: appSession, monotonicNanos: mono + step.nanos,
                                                  wallTime: wallTime + Double(step.nanos) / 1e9, finding: step.finding, value: step.value)
                            wall.set(event.wallTime)
                            try context.ledger.append(event, to: read.id)
                            eventsWritten += 1
                        }
                        let end = UInt64((duration * 1e9).rounded())
                        let signed = ReadEvent(kind: .signed, appSession: appSession, monotonicNanos: mono + end,
                                               wallTime: wallTime + duration)
                        wall.set(signed.wallTime)
                        try context.ledger.sign(read.id, decisions: script.decisions, confidence: confidence, event: signed)
                        eventsWritten += 1
                        passesWritten += 1
                        mono += end
                        wallTime += duration
                    }
                    // Moving to the next case: 5 s that belong to no case.
                    mono += 5_000_000_000
                    wallTime += 5
                }
            }
        }
        return "simulated experiment \(design.name): \(passesWritten) signed read(s), \(eventsWritten) event(s); "
            + "population AUC \(fmt(model.baselineAUC)) unaided, \(fmt(model.baselineAUC + model.aucDelta)) aided; "
            + "time ratio \(fmt(model.timeRatio)); seed \(seed)"
    }

    private func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

    struct Step { var nanos: UInt64; var kind: EventKind; var finding: String? = nil; var value: String? = nil }

    /// The events a reader would leave: opened (first pass only), the AI shown
    /// after a second on aided passes, activity every 20 s, the decision and the
    /// confidence in the last two seconds; `signed` is written by the caller.
    private func script(caseID: String, present: Bool, aided: Bool, aiRight: Bool, firstOfCase: Bool,
                        seconds: Double) -> (steps: [Step], decisions: [FindingDecision]) {
        let total = UInt64((seconds * 1e9).rounded())
        func at(_ s: Double) -> UInt64 { min(UInt64((max(s, 0) * 1e9).rounded()), total) }
        var steps: [Step] = []
        if firstOfCase { steps.append(Step(nanos: 0, kind: .opened)) }
        // The first read of an aided case shows the AI once the findings arrive (about
        // a second); the sequential second pass reveals it the moment the first is signed.
        if aided { steps.append(Step(nanos: firstOfCase ? at(min(1, seconds / 10)) : 0, kind: .aiRevealed)) }
        var t = 20.0
        while t < seconds - 2 { steps.append(Step(nanos: at(t), kind: .activity)); t += 20 }
        let decisions = decisionsFor(caseID: caseID, present: present, aided: aided, aiRight: aiRight)
        for d in decisions {
            let kind: EventKind = d.state == .accepted ? .accepted : (aided ? .overridden : .valueChanged)
            steps.append(Step(nanos: at(seconds - 2), kind: kind, finding: d.finding, value: d.readerValue))
        }
        steps.append(Step(nanos: at(seconds - 1), kind: .confidence))
        return (steps, decisions)
    }

    /// Decisions that carry the simulated call on the experiment's question.
    private func decisionsFor(caseID: String, present: Bool, aided: Bool, aiRight: Bool) -> [FindingDecision] {
        guard let info = truth.cases[caseID] else { return [] }
        let truthPositive = info.truth == 1
        let aiPositive = aiRight ? truthPositive : !truthPositive
        func decision(_ key: String, reader: String, ai: String) -> FindingDecision {
            FindingDecision(finding: key, aiValue: aided ? ai : nil, readerValue: reader,
                            state: aided && reader == ai ? .accepted : .overridden)
        }
        switch info.kind {
        case .extremity:
            return [decision("fracture.study", reader: present ? "abnormal" : "normal", ai: aiPositive ? "abnormal" : "normal")]
        case .spine:
            return FindingCatalog.spineLevels.map { level in
                let positiveHere = level == "L4-L5"
                return decision("spine.\(level).canalStenosis", reader: present && positiveHere ? "moderate" : "normal/mild",
                                ai: aiPositive && positiveHere ? "moderate" : "normal/mild")
            }
        case .hand:
            let age = info.chronologicalMonths ?? 120, sd = info.sdMonths ?? 12
            let months = { (positive: Bool) in String(Int((positive ? age + 3 * sd : age).rounded())) }
            return [decision("boneAge.months", reader: months(present), ai: months(aiPositive))]
        }
    }
}
