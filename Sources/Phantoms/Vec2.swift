/// A point or direction in millimetres (phantom world) or pixels (image).
public struct Vec2: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    static func + (a: Vec2, b: Vec2) -> Vec2 { Vec2(a.x + b.x, a.y + b.y) }
    static func - (a: Vec2, b: Vec2) -> Vec2 { Vec2(a.x - b.x, a.y - b.y) }
    static func * (a: Vec2, k: Double) -> Vec2 { Vec2(a.x * k, a.y * k) }
    static prefix func - (a: Vec2) -> Vec2 { Vec2(-a.x, -a.y) }
    func dot(_ b: Vec2) -> Double { x * b.x + y * b.y }
    var length: Double { (x * x + y * y).squareRoot() }
    var normalized: Vec2 { let l = length; return l > 0 ? Vec2(x / l, y / l) : Vec2(0, 0) }
    /// Rotated a quarter turn counter-clockwise in a y-down frame's maths sense.
    var perpendicular: Vec2 { Vec2(-y, x) }

    /// Unit vector at `radians` from the +y axis towards +x... kept explicit at call sites.
    static func direction(_ radians: Double) -> Vec2 { Vec2(Math.cos(radians), Math.sin(radians)) }
}

/// A 2-D affine map `p' = M p + t`; rigid placements and the world→pixel view.
public struct Affine2: Sendable, Equatable {
    public var a: Double, b: Double, c: Double, d: Double
    public var tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    public static let identity = Affine2(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    public static func translation(_ v: Vec2) -> Affine2 { Affine2(a: 1, b: 0, c: 0, d: 1, tx: v.x, ty: v.y) }
    public static func scale(_ s: Double) -> Affine2 { Affine2(a: s, b: 0, c: 0, d: s, tx: 0, ty: 0) }
    public static func rotation(_ radians: Double) -> Affine2 {
        let cs = Math.cos(radians), sn = Math.sin(radians)
        return Affine2(a: cs, b: -sn, c: sn, d: cs, tx: 0, ty: 0)
    }
    public static func rotation(_ radians: Double, about p: Vec2) -> Affine2 {
        translation(p).then(before: rotation(radians)).then(before: translation(-p))
    }

    /// A frame whose local +x axis runs from `origin` along `axis` (unit) and local +y is the
    /// axis's perpendicular: maps local → world.
    static func frame(origin: Vec2, axis: Vec2) -> Affine2 {
        let u = axis.normalized, v = u.perpendicular
        return Affine2(a: u.x, b: v.x, c: u.y, d: v.y, tx: origin.x, ty: origin.y)
    }

    public func apply(_ p: Vec2) -> Vec2 { Vec2(a * p.x + b * p.y + tx, c * p.x + d * p.y + ty) }
    func applyLinear(_ p: Vec2) -> Vec2 { Vec2(a * p.x + b * p.y, c * p.x + d * p.y) }

    /// `self ∘ other`: apply `other` first, then `self`.
    public func then(before other: Affine2) -> Affine2 {
        Affine2(a: a * other.a + b * other.c, b: a * other.b + b * other.d,
                c: c * other.a + d * other.c, d: c * other.b + d * other.d,
                tx: a * other.tx + b * other.ty + tx, ty: c * other.tx + d * other.ty + ty)
    }

    public var inverse: Affine2 {
        let det = a * d - b * c
        precondition(abs(det) > 1e-12, "singular affine map")
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return Affine2(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
    }
}

/// The half-plane `n·p ≥ offset` (n unit), with a soft edge for anti-aliasing.
struct HalfPlane: Sendable {
    var normal: Vec2
    var offset: Double

    init(through point: Vec2, normal: Vec2) {
        self.normal = normal.normalized
        self.offset = self.normal.dot(point)
    }

    func signedDistance(_ p: Vec2) -> Double { normal.dot(p) - offset }
}
