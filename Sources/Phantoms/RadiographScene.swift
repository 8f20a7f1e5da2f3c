/// One shape of a bone, placed in the bone's frame.
enum BoneShape: Sendable {
    case rod(Rod)
    case blob(Blob)
    case scar(ScarLine)

    var solid: any Solid {
        switch self {
        case .rod(let s): return s
        case .blob(let s): return s
        case .scar(let s): return s
        }
    }

    func sample(_ p: Vec2) -> PathSample {
        switch self {
        case .rod(let s): return s.sample(p)
        case .blob(let s): return s.sample(p)
        case .scar(let s): return s.sample(p)
        }
    }
}

struct BonePart: Sendable {
    var shape: BoneShape
    /// Part frame → bone frame.
    var placement: Affine2
    /// Scars add to the union instead of competing in it.
    var additive: Bool = false
}

/// A bone (or a fragment of one, or a piece of metal) placed in the world.
/// Parts of one bone are united (max path), different bones add, as X-rays do.
struct PlacedBone: Sendable {
    var name: String
    var parts: [BonePart]
    /// Bone frame → world (mm).
    var placement: Affine2
    /// Keep only the part of the bone (in its unmoved frame) on the positive side of
    /// every plane: fragments of a fracture. `gap` widens the cut.
    var clips: [HalfPlane] = []
    /// Motion of this fragment in the bone frame (applied after clipping).
    var fragmentMotion: Affine2 = .identity
    var isMetal: Bool = false
    /// Mineral density relative to adult bone (children's bones are less mineralised).
    var density: Double = 1
}

/// Soft-tissue envelope pieces; the envelope is their union (max thickness).
enum SoftShape: Sendable {
    /// A tapered cylinder from `a` to `b` (world mm) with radii; path = depth·2√(r²−d²).
    case capsule(a: Vec2, b: Vec2, ra: Double, rb: Double, depthRatio: Double)
    /// A flattened ellipsoid slab (palm, forearm section) with a flat-topped profile.
    case slab(center: Vec2, a: Double, b: Double, angle: Double, depth: Double)

    var worldBounds: (Vec2, Vec2) {
        switch self {
        case let .capsule(a, b, ra, rb, _):
            let r = max(ra, rb)
            return (Vec2(min(a.x, b.x) - r, min(a.y, b.y) - r), Vec2(max(a.x, b.x) + r, max(a.y, b.y) + r))
        case let .slab(center, a, b, _, _):
            let r = max(a, b)
            return (Vec2(center.x - r, center.y - r), Vec2(center.x + r, center.y + r))
        }
    }

    func thickness(_ p: Vec2) -> Double {
        switch self {
        case let .capsule(a, b, ra, rb, depthRatio):
            let ab = b - a
            let len2 = max(ab.dot(ab), 1e-9)
            let t = Math.clamp((p - a).dot(ab) / len2, 0, 1)
            let d = (p - (a + ab * t)).length
            let r = ra + (rb - ra) * t
            guard d < r else { return 0 }
            return depthRatio * 2 * (r * r - d * d).squareRoot()
        case let .slab(center, a, b, angle, depth):
            let local = Affine2.rotation(-angle).apply(p - center)
            let q2 = (local.x / a) * (local.x / a) + (local.y / b) * (local.y / b)
            guard q2 < 1 else { return 0 }
            return depth * (1 - q2 * q2).squareRoot()
        }
    }
}

/// Everything a projection radiograph shows, in world millimetres.
struct RadiographScene: Sendable {
    var bones: [PlacedBone] = []
    var soft: [SoftShape] = []
}
