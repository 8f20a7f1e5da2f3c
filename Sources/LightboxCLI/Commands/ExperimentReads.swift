import Foundation
import Ledger
import ReaderStudy
import Statistics

/// Everything the export and report derive from an experiment's ledger rows:
/// one `ReaderStudy.SignedRead` per signed pass (rating + timing), the AI
/// decisions for the automation-bias table, and the events themselves.
struct ExperimentReads {
    struct Pass {
        var signed: Ledger.SignedRead
        var arm: StudyArm
        var pass: ReadPass
        var session: Int
        var call: Bool?
        var export: ReaderStudy.SignedRead
    }

    var passes: [Pass]
    /// Reads whose decisions leave the MRMC question open, or without confidence.
    var undecided: Int
    var missingConfidence: Int
    var events: [(read: Ledger.SignedRead, events: [StoredEvent])]

    static func collect(_ context: ExperimentContext, truth: ExperimentTruth, rules: TimingRules = .standard,
                        scale: RatingScale = .callWithConfidence) throws -> ExperimentReads {
        let reads = try context.signedReads()
        let allReads = try Set(reads.map(\.reader)).sorted().flatMap { try context.ledger.reads(reader: $0) }
            .filter { $0.context.experiment == context.design.name }
        var eventsByRead: [Int64: [StoredEvent]] = [:]
        for read in allReads { eventsByRead[read.id] = try context.ledger.events(read: read.id) }
        // Events of all passes of one assignment, in ledger order: the sequential
        // arm's second pass continues the first (TIMING.md example 9).
        var assignmentEvents: [String: [StoredEvent]] = [:]
        for read in allReads {
            assignmentEvents[key(read.reader, read.study, read.context.session, read.context.arm), default: []] += eventsByRead[read.id] ?? []
        }
        var timings: [String: CaseTiming] = [:]
        for (k, events) in assignmentEvents {
            timings[k] = try rules.measure(events.sorted { $0.id < $1.id }.map(\.event))
        }

        var passes: [Pass] = []
        var undecided = 0, missingConfidence = 0
        for read in reads {
            guard let armText = read.context.arm, let arm = StudyArm(rawValue: armText), let session = read.context.session else {
                throw ExperimentCommandError.invalid(field: "read \(read.readID)", problem: "an experiment read without arm or session")
            }
            let pass: ReadPass = read.context.pass == 2 ? .second : .first
            let call = truth.call(caseID: read.study, decisions: read.decisions)
            if call == nil { undecided += 1 }
            let confidence: Int
            if let c = read.confidence { confidence = c } else { confidence = scale == .percent ? 50 : 3; missingConfidence += 1 }
            // An undecided read ranks in the middle of the 1–5 scale: "absent, unsure"; a 0–100
            // rating stands on its own.
            let rating = try scale.rating(present: call ?? false, confidence: call == nil && scale == .callWithConfidence ? 1 : confidence)
            let timing = timings[key(read.reader, read.study, session, armText)]
            let passIndex = pass == .second ? 1 : 0
            let passTiming = timing.flatMap { passIndex < $0.passes.count ? $0.passes[passIndex] : nil }
            let export = ReaderStudy.SignedRead(reader: read.reader, caseID: read.study, session: session, arm: arm,
                                                pass: pass, rating: rating, timing: passTiming)
            passes.append(Pass(signed: read, arm: arm, pass: pass, session: session, call: call, export: export))
        }
        let events = reads.map { ($0, eventsByRead[$0.readID] ?? []) }
        return ExperimentReads(passes: passes, undecided: undecided, missingConfidence: missingConfidence, events: events)
    }

    private static func key(_ reader: String, _ study: String, _ session: Int?, _ arm: String?) -> String {
        "\(reader)\u{1F}\(study)\u{1F}\(session ?? 0)\u{1F}\(arm ?? "")"
    }

    /// Findings where the AI made a call that the reader saw (aided arm, and the
    /// second pass of the sequential arm), with whether the AI was right.
    func aiDecisions(truth: ExperimentTruth) -> [AIDecision] {
        var out: [AIDecision] = []
        for pass in passes where ArmPolicy(arm: pass.arm).showsAI(during: pass.pass) {
            for decision in pass.signed.decisions {
                guard let ai = decision.aiValue, decision.state != .pending,
                      let correct = truth.aiCorrect(caseID: pass.signed.study, finding: decision.finding, aiValue: ai) else { continue }
                out.append(AIDecision(reader: pass.signed.reader, aiCorrect: correct, acceptedAI: decision.readerValue == ai))
            }
        }
        return out
    }
}

extension ExperimentReads {
    /// Every read of the experiment (signed or not) with its events, by read id.
    static func collectEvents(_ context: ExperimentContext) throws -> [(ReadRecord, [StoredEvent])] {
        let readers = context.design.readers
        var out: [(ReadRecord, [StoredEvent])] = []
        for reader in readers {
            for read in try context.ledger.reads(reader: reader) where read.context.experiment == context.design.name {
                out.append((read, try context.ledger.events(read: read.id)))
            }
        }
        return out.sorted { $0.0.id < $1.0.id }
    }
}
