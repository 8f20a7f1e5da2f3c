import Common
import Findings
import Ledger

/// The findings engine's result store on the ledger: a study's AI is computed
/// once per ledger (every process and reader sharing it), then read back.
public struct LedgerPinnedResults: PinnedResultStore {
    public let ledger: LedgerStore

    public init(ledger: LedgerStore) { self.ledger = ledger }

    public func pinnedResult(study: String, model: ModelFingerprint) throws -> PinnedResult? {
        try ledger.aiResult(study: study, model: model).map { PinnedResult(id: $0.id, payload: $0.payload) }
    }

    public func pin(study: String, model: ModelFingerprint, engineVersion: String, kernelVariant: String,
                    payload: String) throws -> PinnedResult {
        let stored = try ledger.pinAIResult(study: study, model: model, engineVersion: engineVersion,
                                            kernelVariant: kernelVariant, payload: payload)
        return PinnedResult(id: stored.id, payload: stored.payload)
    }
}
