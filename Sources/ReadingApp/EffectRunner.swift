import Common
import Dispatch
import ReaderStudy
import TerminalUI
import Worklist

/// Performs effects. Ledger writes happen here, synchronously, so a signed read
/// is on disk before the `signed` action lets the screen move on. Image decoding
/// and inference run in the background and post their results.
public final class EffectRunner {
    private let env: AppEnvironment
    /// Background work (decoding, inference) still running; quitting waits for it,
    /// because tearing the process down under a running BLAS call crashes in OpenBLAS.
    private let inFlight = DispatchGroup()
    /// Set when the program ends: queued prefetch work stops between studies.
    private let stop = StopFlag()

    public init(environment: AppEnvironment) { env = environment }

    /// Waits up to `seconds` for background work; returns whether it all finished.
    @discardableResult
    public func waitForBackgroundWork(seconds: Double) -> Bool {
        stop.set()
        return inFlight.wait(timeout: .now() + seconds) == .success
    }

    public func perform(_ effect: AppEffect, inbox: ActionInbox<AppAction>) {
        do {
            switch effect {
            case .openRead(let study):
                if let first = try env.store.signedFirstPass(reader: env.reader, study: study.id) {
                    // Reopened between the sequential arm's reads: the second read resumes.
                    let r = try env.store.openSecondPass(reader: env.reader, study: study.id)
                    try env.store.append(event(.opened), read: r.readId)
                    let carried = r.decisions.isEmpty ? (first.decisions, first.confidence) : (r.decisions, r.confidence)
                    inbox.post(.secondPassOpened(studyId: study.id, readId: r.readId, firstPass: first.decisions,
                                                 decisions: carried.0, confidence: carried.1))
                    return
                }
                let r = try env.store.openRead(reader: env.reader, study: study.id)
                try env.store.append(event(.opened), read: r.readId)
                inbox.post(.readOpened(studyId: study.id, readId: r.readId, decisions: r.decisions, confidence: r.confidence))

            case .renderImage(let request):
                let render = env.renderImage
                background {
                    do { inbox.post(.imageRendered(studyId: request.studyId, try render(request))) } catch {
                        inbox.post(.imageFailed(studyId: request.studyId, generation: request.generation, UserMessage.text(for: error)))
                    }
                }

            case .runModels(let study):
                let run = env.runModels
                background {
                    do { inbox.post(.aiFinished(studyId: study.id, try run(study))) } catch {
                        inbox.post(.aiFailed(studyId: study.id, UserMessage.text(for: error)))
                    }
                }

            case .prefetchModels(let studies):
                let run = env.runModels, stop = self.stop
                background(qos: .utility) {
                    // One at a time, so the open study's own run waits for at most one of these.
                    for study in studies where !stop.isSet {
                        guard let result = try? run(study) else { continue }
                        inbox.post(.aiFlagged(studyId: study.id, result.flag))
                    }
                }

            case .record(let readId, let kind, let finding, let value):
                try env.store.append(event(kind, finding: finding, value: value), read: readId)

            case .saveDraft(let readId, let decisions, let confidence):
                try env.store.saveDraft(decisions, confidence: confidence, read: readId)

            case .sign(let readId, let studyId, let decisions, let confidence, let aiResults):
                try env.store.sign(read: readId, decisions: decisions, confidence: confidence, event: event(.signed),
                                   aiResults: aiResults)
                inbox.post(.signed(studyId: studyId))

            case .closeRead(let readId):
                try env.store.append(event(.closed), read: readId)

            case .openSecondPass(let study, let decisions, let confidence):
                // Same app session and still on screen: no `opened`, the case never closed.
                let r = try env.store.openSecondPass(reader: env.reader, study: study.id)
                let carried = r.decisions.isEmpty ? (decisions, confidence) : (r.decisions, r.confidence)
                if r.decisions.isEmpty { try env.store.saveDraft(decisions, confidence: confidence, read: r.readId) }
                inbox.post(.secondPassOpened(studyId: study.id, readId: r.readId, firstPass: decisions,
                                             decisions: carried.0, confidence: carried.1))

            case .runPracticeModel(let study):
                let run = env.runModels
                background {
                    // No model, or a failing one, leaves the model's column empty in the feedback.
                    let result = (try? run(study)) ?? nil
                    // Unindented detail lines name each model with its intended-use warning.
                    let models = (result?.details ?? []).filter { !$0.hasPrefix(" ") }
                    inbox.post(.practiceModelFinished(studyId: study.id, values: result?.values ?? [:], models: models))
                }

            case .scorePractice(let study, let readId, let decisions):
                do {
                    guard let source = env.feedback else { throw ReadingAppError.noFeedbackSource }
                    let reference = try source.reference(study)
                    let active = try source.activeSeconds(readId)
                    inbox.post(.practiceScored(studyId: study.id, FindingCatalog.practiceCase(
                        caseID: study.id, decisions: decisions, reference: reference, activeSeconds: active)))
                } catch {
                    inbox.post(.practiceScoringFailed(studyId: study.id, UserMessage.text(for: error)))
                }
            }
        } catch {
            inbox.post(.failed(UserMessage.text(for: error)))
        }
    }

    private func event(_ kind: EventKind, finding: String? = nil, value: String? = nil) -> ReadEvent {
        ReadEvent(kind: kind, appSession: env.appSession, monotonicNanos: env.clock.monotonicNanos(),
                  wallTime: env.clock.wallTime(), finding: finding, value: value)
    }

    private func background(qos: DispatchQoS.QoSClass = .userInitiated, _ work: @escaping @Sendable () -> Void) {
        guard env.background else { work(); return }
        let group = inFlight
        group.enter()
        DispatchQueue.global(qos: qos).async {
            work()
            group.leave()
        }
    }
}
