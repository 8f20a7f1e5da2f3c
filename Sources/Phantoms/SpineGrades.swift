/// Per-level degeneration of one lumbar spine, drawn with age and level dependence:
/// lower levels (L4-L5, L5-S1) and older subjects degenerate more, canal stenosis goes with
/// disc degeneration and listhesis, and every class of every label occurs over a batch.
struct SpineGrades: Sendable {
    static let levels = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]

    struct Level: Sendable {
        var pfirrmann: Int
        var stenosis: CanalStenosis
        /// Slip percentage (+ anterolisthesis, − retrolisthesis).
        var slipPercent: Double
        /// Narrowest thecal-sac AP diameter to reach (mm).
        var targetDiameter: Double
    }

    var levels: [Level]
    /// Thecal sac AP diameter away from the discs (mm).
    var sacDiameter: Double

    static func random(ageYears: Double, rng: inout PhantomRandom) -> SpineGrades {
        let sac = Math.clamp(rng.gaussian(mean: 15.5, sd: 1.8), 12, 20)
        let ageLoad = Math.clamp((ageYears - 20) / 60, 0, 1)
        let levelLoad = [0.15, 0.25, 0.45, 0.8, 0.7]
        var out: [Level] = []
        for k in 0..<5 {
            let load = Math.clamp(0.55 * ageLoad + 0.45 * levelLoad[k] + rng.gaussian(mean: 0, sd: 0.22), 0, 1.2)
            // Pfirrmann weights shift towards higher grades with the load.
            let pfWeights = [max(0.02, 1.0 - 1.6 * load), 0.9, 0.5 + 0.8 * load, 0.15 + 0.9 * load, 0.04 + 0.45 * load * load]
            let pfirrmann = rng.choice(weights: pfWeights) + 1

            var slip = 0.0
            if (k == 3 || k == 4) && rng.bernoulli(0.12 + 0.15 * ageLoad) {
                slip = rng.bernoulli(0.75) ? rng.uniform(6, 25) : rng.uniform(26, 40)
            } else if k <= 2 && rng.bernoulli(0.05) {
                slip = -rng.uniform(5, 14)
            }
            let stenosisLoad = load + (pfirrmann >= 4 ? 0.15 : 0) + (slip > 5 ? 0.25 : 0) + (k == 2 || k == 3 ? 0.1 : 0)
            let stWeights = [1.2, 0.08 + 0.55 * stenosisLoad * stenosisLoad, 0.02 + 0.35 * Math.pow(stenosisLoad, 3)]
            let stenosis = CanalStenosis.allCases[rng.choice(weights: stWeights)]
            let target: Double
            switch stenosis {
            case .normalMild: target = rng.uniform(10, max(10.5, sac - 0.5))
            case .moderate: target = rng.uniform(6, 9)
            case .severe: target = rng.uniform(2, 4.5)
            }
            out.append(Level(pfirrmann: pfirrmann, stenosis: stenosis, slipPercent: slip, targetDiameter: target))
        }
        return SpineGrades(levels: out, sacDiameter: sac)
    }

    /// Meyerding grade from slip percentage (clinical-facts §3.4): I 0–25 %, II 26–50 %, …, V > 100 %.
    static func meyerding(_ percent: Double) -> Int {
        let p = abs(percent)
        if p < 1 { return 0 }
        if p <= 25 { return 1 }
        if p <= 50 { return 2 }
        if p <= 75 { return 3 }
        if p <= 100 { return 4 }
        return 5
    }
}
