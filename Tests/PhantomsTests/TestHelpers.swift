import Common
@testable import Phantoms

/// SHA-256 of every image's stored values (little-endian), for determinism checks.
func pixelHash(_ study: PhantomStudy) -> String {
    var h = SHA256()
    for image in study.images {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(image.samples.count * 2)
        for v in image.samples { bytes.append(UInt8(v & 0xff)); bytes.append(UInt8(v >> 8)) }
        h.update(bytes)
    }
    return h.hexDigest()
}

/// Mean of a (2r+1)² window of stored values around a point (clamped at the border).
func windowMean(_ image: PhantomImage, _ p: PixelPoint, radius r: Int = 1) -> Double {
    let cx = Int(p.x), cy = Int(p.y)
    var sum = 0.0, n = 0.0
    for y in max(0, cy - r)...min(image.height - 1, cy + r) {
        for x in max(0, cx - r)...min(image.width - 1, cx + r) {
            sum += Double(image.samples[y * image.width + x]); n += 1
        }
    }
    return sum / max(n, 1)
}

func percentile(_ values: [UInt16], _ q: Double) -> Double {
    let sorted = values.sorted()
    return Double(sorted[Int(Double(sorted.count - 1) * q)])
}

/// Small images keep the debug-build tests quick; geometry and labels do not depend on size.
let smallGenerator = PhantomGenerator.small(factor: 4)
