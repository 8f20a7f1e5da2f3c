import Ledger
import TerminalUI

/// What the AI has to say about the open study, as the screen sees it.
public enum AIState: Sendable, Equatable {
    /// The arm hides the AI (unaided reading): nothing about it may show.
    case hidden
    case noModel
    case running
    case ready(AIResult)
    case failed(String)
}

/// Model output mapped onto finding keys, plus lines for the findings panel.
public struct AIResult: Sendable, Equatable {
    /// Finding key → AI value in the finding's vocabulary.
    public var values: [String: String]
    /// Human-readable details (probabilities, intervals) for the panel.
    public var details: [String]
    /// "name version" of each model that spoke.
    public var models: [String]
    /// Heat maps (fracture CAM) by image index in the study, for the `h` overlay.
    public var heatMaps: [Int: ImageOverlay]
    /// The queue's summary of the study (most severe finding or highest probability).
    public var flag: AIFlag?
    /// Located points by image index in the study (spine level centres), for the `m` markers.
    public var markers: [Int: [ImageMarker]] = [:]
    /// The stored results these values come from (empty when results are not pinned).
    public var pinned: [AIResultReference] = []

    public init(values: [String: String], details: [String], models: [String], heatMaps: [Int: ImageOverlay] = [:],
                flag: AIFlag? = nil) {
        self.values = values; self.details = details; self.models = models; self.heatMaps = heatMaps; self.flag = flag
    }

    /// The `aiRevealed` event's value: which stored results were shown.
    public var eventValue: String? { AIResultReference.eventValue(pinned) }

    /// Shown wherever a model speaks.
    public static let disclaimer = "trained on phantoms — not for clinical use"
}
