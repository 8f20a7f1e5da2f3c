import Foundation

/// The elementary functions the phantoms need, in one place so that the rest of the
/// module does not depend on which platform library provides them.
enum Math {
    @inline(__always) static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    @inline(__always) static func atan2(_ y: Double, _ x: Double) -> Double { Foundation.atan2(y, x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    @inline(__always) static func expf(_ x: Float) -> Float { Foundation.expf(x) }
    @inline(__always) static func logf(_ x: Float) -> Float { Foundation.logf(x) }

    static func clamp<T: Comparable>(_ x: T, _ low: T, _ high: T) -> T { min(max(x, low), high) }

    /// Hermite smoothstep from 0 at `edge0` to 1 at `edge1`.
    static func smoothstep(_ edge0: Double, _ edge1: Double, _ x: Double) -> Double {
        let t = clamp((x - edge0) / (edge1 - edge0), 0, 1)
        return t * t * (3 - 2 * t)
    }

    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }

    static func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
    static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}

extension Double {
    /// Rounded to `places` decimals, for reference files.
    func rounded(places: Int) -> Double {
        let k = Math.pow(10, Double(places))
        return (self * k).rounded() / k
    }
}
