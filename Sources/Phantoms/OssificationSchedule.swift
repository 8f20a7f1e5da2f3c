/// When each ossification centre of the hand and wrist appears, reaches the width of its
/// metaphysis, caps it, and fuses — in months of **bone age**, per sex.
///
/// Sources (see Docs/PHANTOMS.md and shared/reference/clinical-facts.md §2):
/// - carpal appearance: eorif girls/boys columns [S8], ordered as Gilsanz & Ratib [S11];
///   distal radius ~1 y and distal ulna 5–6 y (Radiopaedia [S7]);
/// - metacarpal and phalangeal epiphyses: Gilsanz & Ratib "toddler" stage, girls 10 mo–2 y,
///   boys 14 mo–3 y; proximal phalanges → metacarpals → middle → distal phalanges, middle
///   finger first and fifth last [S11];
/// - epiphysis as wide as the metaphysis, then capping: early/mid-puberty stage, girls 7–13 y,
///   boys 9–14 y [S14]; pisiform and thumb sesamoid appear in that stage (sesamoid ages
///   ~11 y girls / ~13 y boys are marked [unconfirmed] in the facts file);
/// - fusion: distal phalanges first (late-puberty stage, [unconfirmed] 13–15 y girls, 14–16 y
///   boys), metacarpals and phalanges 14–19 y with girls 1–2 y ahead [S13][S15], distal radius
///   16–18 y and distal ulna 17–20 y (Bass 1995 [S16]).
public enum OssificationSchedule {
    public enum Group: String, Codable, Sendable {
        case carpal, radius, ulna, metacarpal, proximalPhalanx, middlePhalanx, distalPhalanx, sesamoid
    }

    public struct Entry: Sendable {
        public var name: String
        public var group: Group
        /// Ray 1 (thumb) … 5 for hand tubular bones, nil otherwise.
        public var ray: Int?
        public var appearMonths: Double
        /// Epiphyses only: nil for carpals and sesamoid.
        public var equalWidthMonths: Double?
        public var cappingMonths: Double?
        public var fusionMonths: Double?
    }

    public static let carpalNames = ["capitate", "hamate", "triquetrum", "lunate", "scaphoid", "trapezium", "trapezoid", "pisiform"]

    /// Carpal appearance (months), girls / boys, eorif [S8].
    static let carpalAppearance: [String: (girls: Double, boys: Double)] = [
        "capitate": (2, 3), "hamate": (3, 4), "triquetrum": (18, 24), "lunate": (30, 48),
        "scaphoid": (48, 66), "trapezium": (48, 72), "trapezoid": (48, 72), "pisiform": (114, 132),
    ]

    /// Order of appearance inside the toddler stage: finger rank (middle first, fifth last).
    static let rayRank: [Int: Int] = [3: 0, 2: 1, 4: 2, 1: 3, 5: 4]

    public static func entries(sex: PhantomSex) -> [Entry] {
        let girl = sex != .male
        var out: [Entry] = []
        for name in carpalNames {
            let ages = carpalAppearance[name]!
            out.append(Entry(name: name, group: .carpal, ray: nil, appearMonths: girl ? ages.girls : ages.boys))
        }
        // Long-bone epiphyses.
        let equal: Double = girl ? 90 : 114
        let capping: Double = girl ? 126 : 150
        out.append(Entry(name: "radius", group: .radius, ray: nil, appearMonths: 12,
                         equalWidthMonths: equal + 12, cappingMonths: capping + 12, fusionMonths: girl ? 192 : 210))
        out.append(Entry(name: "ulna", group: .ulna, ray: nil, appearMonths: girl ? 60 : 72,
                         equalWidthMonths: equal + 24, cappingMonths: capping + 18, fusionMonths: girl ? 198 : 216))
        let toddlerStart: Double = girl ? 10 : 14
        let toddlerEnd: Double = girl ? 24 : 36
        let groups: [(Group, String, [Int], Double)] = [
            (.proximalPhalanx, "proximal phalanx", [1, 2, 3, 4, 5], girl ? 174 : 198),
            (.metacarpal, "metacarpal", [1, 2, 3, 4, 5], girl ? 174 : 198),
            (.middlePhalanx, "middle phalanx", [2, 3, 4, 5], girl ? 177 : 201),
            (.distalPhalanx, "distal phalanx", [1, 2, 3, 4, 5], girl ? 162 : 180),
        ]
        for (gi, (group, label, rays, fusion)) in groups.enumerated() {
            for ray in rays {
                let order = Double(gi * 5 + rayRank[ray]!) / 19
                out.append(Entry(name: "\(label) \(ray)", group: group, ray: ray,
                                 appearMonths: toddlerStart + (toddlerEnd - toddlerStart) * order,
                                 equalWidthMonths: equal + Double(gi) * 4, cappingMonths: capping + Double(gi) * 3,
                                 fusionMonths: fusion))
            }
        }
        out.append(Entry(name: "sesamoid", group: .sesamoid, ray: 1, appearMonths: girl ? 132 : 156))
        return out
    }

    /// Age (months) by which carpals and epiphyses reach adult size.
    static func maturityMonths(sex: PhantomSex) -> Double { sex == .male ? 192 : 168 }

    /// Bounded per-centre timing jitter (months): individual children do not follow the
    /// atlas centre by centre, but never by more than this.
    public static let maxJitterMonths = 6.0
}
