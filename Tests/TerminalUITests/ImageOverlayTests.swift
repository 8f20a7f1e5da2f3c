import Testing
import TerminalUI

@Suite struct ImageOverlayTests {
    // A 2×2 grid over a 100×100 image: hot top-left, cold elsewhere.
    let overlay = ImageOverlay(width: 2, height: 2, values: [1, 0, 0, 0], x: 0, y: 0, rectWidth: 100, rectHeight: 100, alpha: 0.6)

    @Test func bilinearValuesAndOutside() {
        #expect(overlay.value(atSourceX: 25, y: 25) == 1)
        #expect(overlay.value(atSourceX: 75, y: 75) == 0)
        #expect(abs((overlay.value(atSourceX: 50, y: 25) ?? -1) - 0.5) < 1e-9)
        #expect(overlay.value(atSourceX: 150, y: 25) == nil)
    }

    @Test func lowValuesStayTransparentHighOnesTurnRed() {
        #expect(overlay.colour(for: 0.2).opacity == 0)
        let hot = overlay.colour(for: 1)
        #expect(hot.opacity == 0.6 && hot.r == 255 && hot.b == 0)
        let grey = GreyImage(width: 2, height: 1, pixels: [100, 100])
        // Output pixel 0 looks at the hot corner, pixel 1 at a cold one.
        let rgb = overlay.composite(grey) { ox, _ in ox == 0 ? (10, 10) : (90, 90) }
        #expect(Array(rgb[3..<6]) == [100, 100, 100])
        #expect(rgb[0] > 150 && rgb[2] < 60, "\(rgb)")
    }

    @Test func halfBlockRGBDrawsCentred() {
        var g = CellGrid(size: Size(width: 3, height: 1))
        HalfBlockImage.drawRGB([255, 0, 0, 255, 0, 0], width: 1, height: 2, in: g.bounds, grid: &g)
        #expect(g[1, 0].style == Style(fg: .rgb(255, 0, 0), bg: .rgb(255, 0, 0)))
        #expect(g[0, 0].style == Style(fg: .rgb(0, 0, 0), bg: .rgb(0, 0, 0)))
    }
}
