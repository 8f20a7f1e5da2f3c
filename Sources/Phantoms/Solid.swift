/// X-ray path lengths (mm) through one point of a projected solid: through the compact
/// cortical shell and through the cancellous interior (scaled by its relative density).
struct PathSample: Sendable {
    var cortex: Double
    var medulla: Double
    static let zero = PathSample(cortex: 0, medulla: 0)
    var total: Double { cortex + medulla }
}

/// A solid described in its own local frame (mm) and projected along the beam.
protocol Solid: Sendable {
    /// Local-frame bounding box (min, max).
    var localBounds: (Vec2, Vec2) { get }
    func sample(_ p: Vec2) -> PathSample
}

/// A tubular bone part (shaft of a phalanx, metacarpal, radius…): local x runs along the
/// axis from 0 to `length`, local y across. The cross-section is taken as elliptical so
/// the projected path is `depth · 2√(r² − y²)`: the cortex is brightest where the beam
/// runs tangentially through it, as on a real film.
struct Rod: Solid {
    var length: Double
    /// Half-width control points at fractions 0…1 of the length (≥ 2 points).
    var halfWidths: [Double]
    /// Cortical thickness as a fraction of the local half-width, at the same fractions.
    var cortexFractions: [Double]
    /// Relative density of the interior at the same fractions (cancellous ends ≈ 1, marrow cavity ≈ 0.3).
    var interiorDensity: [Double]
    /// Lengths of the rounded end caps at x = 0 and x = length.
    var capStart: Double
    var capEnd: Double
    /// Depth/width ratio of the cross-section.
    var depthRatio: Double = 0.85
    /// Lateral bow of the axis: y offset `bow · sin(π x / length)`.
    var bow: Double = 0

    var localBounds: (Vec2, Vec2) {
        let w = (halfWidths.max() ?? 0) + abs(bow)
        return (Vec2(-0.5, -w - 0.5), Vec2(length + 0.5, w + 0.5))
    }

    static func interpolate(_ values: [Double], _ t: Double) -> Double {
        let n = values.count - 1
        let f = Math.clamp(t, 0, 1) * Double(n)
        let i = min(Int(f), n - 1)
        let local = f - Double(i)
        // Cosine easing keeps the outline free of kinks at control points.
        let s = (1 - Math.cos(local * .pi)) / 2
        return values[i] + (values[i + 1] - values[i]) * s
    }

    func sample(_ p: Vec2) -> PathSample {
        guard p.x >= 0, p.x <= length else { return .zero }
        let t = p.x / length
        var r = Rod.interpolate(halfWidths, t)
        if p.x < capStart {
            let k = (capStart - p.x) / capStart
            r *= (1 - k * k).squareRoot()
        } else if p.x > length - capEnd {
            let k = (p.x - (length - capEnd)) / capEnd
            r *= max(0, 1 - k * k).squareRoot()
        }
        let y = abs(p.y - bow * Math.sin(.pi * t))
        guard r > 0, y < r else { return .zero }
        let outer = 2 * (r * r - y * y).squareRoot()
        let cortex = max(0.05, Rod.interpolate(cortexFractions, t) * r)
        let ri = r - cortex
        let inner = (ri > 0 && y < ri) ? 2 * (ri * ri - y * y).squareRoot() : 0
        let density = Rod.interpolate(interiorDensity, t)
        return PathSample(cortex: depthRatio * (outer - inner), medulla: depthRatio * inner * density)
    }
}

/// A rounded compact bone (carpal, epiphysis, sesamoid): a superellipse with semi-axes
/// `a`, `b`, a lobed outline, optional bending into a cap, and an ellipsoidal depth profile.
struct Blob: Solid {
    var a: Double
    var b: Double
    /// Superellipse exponent: 2 is an ellipse, larger values square the corners.
    var exponent: Double = 2
    /// Outline harmonics: radius scaled by 1 + Σ amp·cos(k θ + phase).
    var lobes: [(k: Double, amp: Double, phase: Double)] = []
    /// Depth (mm) at the centre.
    var depth: Double
    var cortex: Double
    var interiorDensity: Double = 1
    /// y is shifted by `bend · x²/a`: an epiphysis "capping" its metaphysis.
    var bend: Double = 0

    var localBounds: (Vec2, Vec2) {
        let grow = 1 + lobes.reduce(0) { $0 + abs($1.amp) }
        let extra = abs(bend) * a
        return (Vec2(-a * grow - 0.5, -b * grow - extra - 0.5), Vec2(a * grow + 0.5, b * grow + extra + 0.5))
    }

    private func q(_ x: Double, _ y: Double) -> Double {
        let ux = abs(x) / a, uy = abs(y) / b
        var base: Double
        if exponent == 2 {
            base = (ux * ux + uy * uy).squareRoot()
        } else {
            base = Math.pow(Math.pow(ux, exponent) + Math.pow(uy, exponent), 1 / exponent)
        }
        if !lobes.isEmpty {
            let theta = Math.atan2(y / b, x / a)
            var m = 1.0
            for lobe in lobes { m += lobe.amp * Math.cos(lobe.k * theta + lobe.phase) }
            base /= max(m, 0.3)
        }
        return base
    }

    func sample(_ p: Vec2) -> PathSample {
        let x = p.x, y = p.y - bend * p.x * p.x / a
        let qo = q(x, y)
        guard qo < 1 else { return .zero }
        let outer = depth * (1 - qo * qo).squareRoot()
        let mean = (a + b) / 2
        let shrink = max(mean - cortex, 0.01) / mean
        let qi = qo / shrink
        let innerDepth = max(depth - 2 * cortex, 0)
        let inner = qi < 1 ? innerDepth * (1 - qi * qi).squareRoot() : 0
        return PathSample(cortex: max(outer - inner, 0), medulla: inner * interiorDensity)
    }
}

/// A thin dense line across a bone (healed physis scar): extra cortex-equivalent path.
struct ScarLine: Solid {
    var halfLength: Double
    var thickness: Double
    var strength: Double
    var localBounds: (Vec2, Vec2) { (Vec2(-thickness * 2, -halfLength), Vec2(thickness * 2, halfLength)) }
    func sample(_ p: Vec2) -> PathSample {
        let k = abs(p.x) / thickness
        guard k < 2, abs(p.y) < halfLength else { return .zero }
        let along = 1 - Math.pow(abs(p.y) / halfLength, 4)
        return PathSample(cortex: strength * Math.exp(-k * k) * along, medulla: 0)
    }
}
