import Testing
import TerminalUI

@Suite struct HalfBlockImageTests {
    @Test func twoImageRowsPerCell() {
        let img = GreyImage(width: 2, height: 4, pixels: [0, 10, 20, 30, 40, 50, 60, 70])
        var g = CellGrid(size: Size(width: 3, height: 3))
        HalfBlockImage.draw(img, in: Rect(x: 1, y: 1, width: 2, height: 2), grid: &g)
        #expect(g[1, 1] == Cell("▀", style: Style(fg: .grey(0), bg: .grey(20))))
        #expect(g[2, 1] == Cell("▀", style: Style(fg: .grey(10), bg: .grey(30))))
        #expect(g[1, 2] == Cell("▀", style: Style(fg: .grey(40), bg: .grey(60))))
        #expect(g[0, 0] == .blank)
    }

    @Test func oddHeightRepeatsLastRowBelow() {
        let img = GreyImage(width: 1, height: 3, pixels: [1, 2, 3])
        var g = CellGrid(size: Size(width: 1, height: 2))
        HalfBlockImage.draw(img, in: g.bounds, grid: &g)
        #expect(g[0, 1].style == Style(fg: .grey(3), bg: .grey(3)))
    }

    @Test func boxResampleAveragesAreas() {
        let img = GreyImage(width: 4, height: 2, pixels: [0, 100, 200, 255, 0, 100, 200, 255])
        let half = img.resampled(to: Size(width: 2, height: 1))
        #expect(half.pixels == [50, 228])
        #expect(img.fittedSize(in: Size(width: 10, height: 10)) == Size(width: 10, height: 5))
    }

    @Test func greyRampMapping() {
        #expect(Color.greyRampIndex(0) == 16)
        #expect(Color.greyRampIndex(255) == 231)
        #expect(Color.greyRampIndex(8) == 232)
        #expect(Color.greyRampIndex(238) == 255)
        // Every level maps to the ramp step nearest to it (or black/white at the ends).
        for v in 0...255 {
            let idx = Color.greyRampIndex(UInt8(v))
            let shown = Int(Color.rampLevel(idx))
            let candidates = [0, 255] + (0..<24).map { 8 + 10 * $0 }
            let best = candidates.map { abs($0 - v) }.min()!
            #expect(abs(shown - v) <= best + 1, "level \(v) shown as \(shown)")
        }
    }
}
