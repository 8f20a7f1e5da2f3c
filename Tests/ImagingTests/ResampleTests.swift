import Testing
@testable import Imaging

@Suite struct ResampleTests {
    @Test func areaAverageHalvesExactly() {
        let img = DisplayImage(width: 4, height: 2, pixels: [0, 100, 200, 255, 10, 10, 0, 0])
        let half = img.resampled(width: 2, height: 1)
        #expect(half.pixels == [30, 114])  // (0+100+10+10)/4 = 30, (200+255+0+0)/4 = 113.75
    }

    @Test func areaAverageKeepsThinLinesAtFractionalScale() {
        // A one-pixel bright line in 9 columns shrunk to 4 still contributes to its output column.
        var pixels = [UInt8](repeating: 0, count: 9)
        pixels[4] = 255
        let out = DisplayImage(width: 9, height: 1, pixels: pixels).resampled(width: 4, height: 1)
        #expect(out.pixels.reduce(0) { $0 + Int($1) } >= 110)
        #expect(out.pixels[1] > 0 || out.pixels[2] > 0)
    }

    @Test func bilinearUpKeepsEndsAndInterpolates() {
        let img = DisplayImage(width: 2, height: 1, pixels: [0, 200])
        let up = img.resampled(width: 4, height: 1)
        // centres at source x = −0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1)
        #expect(up.pixels == [0, 50, 150, 200])
        let tall = img.resampled(width: 2, height: 3)
        #expect(tall.pixels == [0, 200, 0, 200, 0, 200])
    }

    @Test func constantImageStaysConstant() {
        let img = DisplayImage(width: 7, height: 5, pixels: [UInt8](repeating: 77, count: 35))
        for (w, h) in [(3, 2), (20, 11), (7, 1), (1, 9)] {
            #expect(img.resampled(width: w, height: h).pixels.allSatisfy { $0 == 77 })
        }
    }
}
