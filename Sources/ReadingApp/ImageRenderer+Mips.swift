import Imaging
import TerminalUI

/// Halved copies of a large image (2×, 4×, 8×…), so that a zoomed or panned view of a
/// 2k×2.5k radiograph resamples a few hundred thousand pixels instead of millions:
/// the first zoom was the slowest key press on the reading screen. Area averaging of
/// area averages is nearly the same averaging: on a test image the views differ by half a
/// grey level on average, and hard edges move by a fraction of a screen pixel.
extension ImageRenderer {
    /// Output pixels still average at least this many mip pixels per side.
    static let minimumMipCoverage = 2

    /// Only stored values on a linear modality rescale may be averaged before the rescale.
    static func canUseMips(_ b: PixelBuffer) -> Bool { b.modalityTable == nil && b.samplesPerPixel == 1 }

    /// The mip level (a power of two, 1 = the image) for a crop shown at `size`.
    static func mipLevel(crop: CropRect, size: Size) -> Int {
        var level = 1
        while crop.width / (level * 2) >= size.width * minimumMipCoverage,
              crop.height / (level * 2) >= size.height * minimumMipCoverage, level < 64 {
            level *= 2
        }
        return level
    }

    /// Frame 0 with each 2×2 block averaged (an odd last row or column is dropped).
    static func halved(_ b: PixelBuffer) -> PixelBuffer {
        let w = b.columns / 2, h = b.rows / 2
        var values = [Int32](repeating: 0, count: w * h)
        b.values.withUnsafeBufferPointer { src in
            values.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let r0 = 2 * y * b.columns, r1 = r0 + b.columns
                    for x in 0..<w {
                        let s = Int64(src[r0 + 2 * x]) + Int64(src[r0 + 2 * x + 1]) + Int64(src[r1 + 2 * x]) + Int64(src[r1 + 2 * x + 1])
                        // Rounded half away from zero, so signed images are not biased downwards.
                        dst[y * w + x] = Int32(s >= 0 ? (s + 2) / 4 : (s - 2) / 4)
                    }
                }
            }
        }
        var out = b
        out.rows = h
        out.columns = w
        out.frames = 1
        out.values = values
        return out
    }

    /// The crop in a mip level's pixels, inside that level's image.
    /// Edges are rounded to the nearest mip pixel, so the view moves by at most half a mip pixel.
    static func scaled(_ c: CropRect, level: Int, columns: Int, rows: Int) -> CropRect {
        func round(_ v: Int) -> Int { (v + level / 2) / level }
        let x = min(round(c.x), columns - 1), y = min(round(c.y), rows - 1)
        let right = min(columns, max(x + 1, round(c.x + c.width))), bottom = min(rows, max(y + 1, round(c.y + c.height)))
        return CropRect(x: x, y: y, width: right - x, height: bottom - y)
    }
}
