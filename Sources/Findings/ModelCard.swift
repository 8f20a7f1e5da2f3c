import Common

/// `card.json` of a model folder (formatVersion 1; the contract is Docs/FINDINGS.md).
/// Decoding checks types; `validate` checks meaning. Both report the card's path and field.
public struct ModelCard: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1

    public struct AppliesTo: Codable, Sendable, Equatable {
        public var kinds: [StudyKind]
        /// Empty or absent: any modality.
        public var modalities: [String]

        public init(kinds: [StudyKind], modalities: [String] = []) { self.kinds = kinds; self.modalities = modalities }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kinds = try c.decode([StudyKind].self, forKey: .kinds)
            modalities = try c.decodeIfPresent([String].self, forKey: .modalities) ?? []
        }
    }

    /// How stored values become the [0, 1] grey the network saw in training.
    public enum Window: Sendable, Equatable, Codable {
        /// The image's own window: the file's first VOI window, else the window its study.json
        /// series declares, else the frame's min–max.
        case imageDefault
        /// Always the frame's min–max, ignoring any stored window.
        case minMax
        case fixed(center: Double, width: Double)

        private struct Fixed: Codable { var center: Double; var width: Double }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                switch s {
                case "default": self = .imageDefault
                case "minmax": self = .minMax
                default:
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "must be \"default\", \"minmax\" or {\"center\": c, \"width\": w}")
                }
                return
            }
            let f = try c.decode(Fixed.self)
            self = .fixed(center: f.center, width: f.width)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .imageDefault: try c.encode("default")
            case .minMax: try c.encode("minmax")
            case .fixed(let center, let width): try c.encode(Fixed(center: center, width: width))
            }
        }
    }

    public enum Resize: String, Codable, Sendable {
        /// Keep the aspect ratio, centre, pad with black (grey 0 before normalisation).
        case letterbox
        case stretch
    }

    /// Mean and std on the [0, 1] grey scale: one number, or one per channel.
    public struct Normalisation: Codable, Sendable, Equatable {
        public var mean: [Float]
        public var std: [Float]

        public init(mean: [Float], std: [Float]) { self.mean = mean; self.std = std }

        private enum Keys: String, CodingKey { case mean, std }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            func numbers(_ key: Keys) throws -> [Float] {
                if let one = try? c.decode(Float.self, forKey: key) { return [one] }
                return try c.decode([Float].self, forKey: key)
            }
            mean = try numbers(.mean)
            std = try numbers(.std)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            if mean.count == 1 { try c.encode(mean[0], forKey: .mean) } else { try c.encode(mean, forKey: .mean) }
            if std.count == 1 { try c.encode(std[0], forKey: .std) } else { try c.encode(std, forKey: .std) }
        }
    }

    public struct SexInput: Codable, Sendable, Equatable {
        public var name: String
        public var male: Float
        public var female: Float
    }

    public struct Input: Codable, Sendable, Equatable {
        public var name: String
        public var height: Int
        public var width: Int
        public var channels: Int
        public var window: Window
        public var resize: Resize
        public var normalisation: Normalisation
        public var sexInput: SexInput?
    }

    public struct Calibration: Codable, Sendable, Equatable {
        public enum Method: String, Codable, Sendable { case none, temperature }
        public var method: Method
        public var temperature: Double?

        public init(method: Method, temperature: Double? = nil) { self.method = method; self.temperature = temperature }

        /// The logit divisor: T for temperature scaling, 1 otherwise.
        public var divisor: Double { method == .temperature ? (temperature ?? 1) : 1 }
    }

    public var formatVersion: Int
    public var name: String
    public var version: String
    public var task: ModelTask
    public var appliesTo: AppliesTo
    public var input: Input
    /// Output role (`logit`, `cam`, `mean`, `levels`, …) → graph output name.
    public var outputs: [String: String]
    public var operatingPoint: Double?
    public var calibration: Calibration?
    public var spineSlice: String?
    public var training: JSONValue?
    public var intendedUse: String
    public var validation: JSONValue?
    public var licence: String?

    /// True when the intended use says the model learnt from phantoms only, so every
    /// place it speaks must carry the disclaimer.
    public var isPhantomTrained: Bool {
        let text = intendedUse.lowercased()
        return text.contains("phantom") || text.contains("not for clinical use")
    }

    public var displayName: String { "\(name) \(version)" }

    /// Study P ≥ this is abnormal (fracture); 0.5 when the card leaves it out.
    public var threshold: Double { operatingPoint ?? 0.5 }

    public func applies(kind: StudyKind, modality: String) -> Bool {
        appliesTo.kinds.contains(kind)
            && (appliesTo.modalities.isEmpty || appliesTo.modalities.contains { $0.uppercased() == modality.uppercased() })
    }
}
