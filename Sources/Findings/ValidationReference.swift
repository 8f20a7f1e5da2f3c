import Foundation

/// The parts of a study's `reference.json` (the Phantoms generator's format, formatVersion 1)
/// that validation compares with: bone age, study fracture label, spine levels.
public struct ValidationReference: Decodable, Sendable, Equatable {
    public struct Point: Decodable, Sendable, Equatable { public var x: Double; public var y: Double }

    public struct Hand: Decodable, Sendable, Equatable {
        public var boneAgeMonths: Double
    }

    public struct Extremity: Decodable, Sendable, Equatable {
        /// "abnormal" or "normal" (MURA study label).
        public var label: String
    }

    public struct Listhesis: Decodable, Sendable, Equatable {
        public var meyerding: Int
    }

    public struct Level: Decodable, Sendable, Equatable {
        public var level: String
        /// "normal_mild" | "moderate" | "severe"
        public var canalStenosis: String
        public var pfirrmann: Int
        public var listhesis: Listhesis?
        public var center: Point
        public var centerMm: Point?

        /// Index in SpineFinding.stenosisLabels order.
        public var stenosisIndex: Int? {
            switch canalStenosis.lowercased() {
            case "normal_mild", "normal/mild", "normalmild": return 0
            case "moderate": return 1
            case "severe": return 2
            default: return nil
            }
        }
    }

    public struct Spine: Decodable, Sendable, Equatable {
        public var midSliceImage: String?
        public var pixelSpacing: Double?
        public var levels: [Level]
    }

    public var hand: Hand?
    public var extremity: Extremity?
    public var spine: Spine?

    public static func parse(_ bytes: [UInt8], path: String) throws -> ValidationReference {
        do {
            return try JSONDecoder().decode(ValidationReference.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw FindingsError.reference(path: path, field: (ctx.codingPath + [key]).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."),
                                          problem: "required field is missing")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw FindingsError.reference(path: path, field: ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."),
                                          problem: "has the wrong type")
        } catch {
            throw FindingsError.reference(path: path, field: "", problem: "not valid JSON")
        }
    }
}
