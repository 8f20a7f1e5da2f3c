/// The JSON shape of `lightbox infer --json` (issue 5 item 5): study, kind, models, then only
/// the kinds that apply (fracture, boneAge, spine), and latencyMs.
public struct FindingsJSON: Encodable {
    /// `intendedUse` is the card's own words, so the JSON carries "not for clinical use" wherever a demo model speaks.
    struct Model: Encodable { var name: String; var version: String; var intendedUse: String }
    struct PerImage: Encodable { var image: String; var probability: Double }
    struct Fracture: Encodable {
        var probability: Double
        var abnormal: Bool
        var operatingPoint: Double
        var perImage: [PerImage]
    }
    struct BoneAge: Encodable {
        var months: Double
        var low: Double
        var high: Double
        var chronologicalMonths: Double?  // null when the study records no age
        var sds: Double?
        var category: String

        enum CodingKeys: String, CodingKey { case months, low, high, chronologicalMonths, sds, category }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(months, forKey: .months)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
            try c.encode(chronologicalMonths, forKey: .chronologicalMonths)
            try c.encode(sds, forKey: .sds)  // null when the sex is unknown
            try c.encode(category, forKey: .category)
        }
    }
    struct Stenosis: Encodable { var normalMild: Double; var moderate: Double; var severe: Double }
    struct Level: Encodable {
        var level: String
        var x: Double
        var y: Double
        var canalStenosis: Stenosis
        var pfirrmann: [Double]
        var listhesis: String
    }
    struct Spine: Encodable { var levels: [Level] }

    var study: String
    var kind: String
    var models: [Model]
    var fracture: Fracture?
    var boneAge: BoneAge?
    var spine: Spine?
    var latencyMs: Double

    public init(study: FindingsStudy, findings: StudyFindings?) {
        self.study = study.id
        kind = study.kind.rawValue
        models = findings?.models.map { Model(name: $0.name, version: $0.version, intendedUse: $0.intendedUse) } ?? []
        latencyMs = ((findings?.latencyMs ?? 0) * 1000).rounded() / 1000
        if let f = findings?.fracture {
            fracture = Fracture(probability: f.probability, abnormal: f.abnormal, operatingPoint: f.operatingPoint,
                                perImage: f.perImage.map { PerImage(image: $0.image, probability: $0.probability) })
        }
        if let b = findings?.boneAge {
            boneAge = BoneAge(months: b.months, low: b.low, high: b.high, chronologicalMonths: b.chronologicalMonths,
                              sds: b.sds, category: b.category.rawValue)
        }
        if let s = findings?.spine {
            spine = Spine(levels: s.levels.map { l in
                Level(level: l.level, x: l.x, y: l.y,
                      canalStenosis: Stenosis(normalMild: l.canalStenosis[0], moderate: l.canalStenosis[1], severe: l.canalStenosis[2]),
                      pfirrmann: l.pfirrmann, listhesis: l.listhesisLabel)
            })
        }
    }
}
