import Testing
import TerminalUI

@Suite struct GraphicsPaneTests {
    @Test func canvasPerMode() {
        let rect = Rect(x: 2, y: 1, width: 200, height: 60)
        let cell = Size(width: 8, height: 20)
        #expect(GraphicsPane(mode: .halfblock, cellPixels: cell).canvasSize(for: rect, screenRows: 70) == Size(width: 200, height: 120))
        #expect(GraphicsPane(mode: .kitty, cellPixels: cell).canvasSize(for: rect, screenRows: 70) == Size(width: 1600, height: 1200))
        #expect(GraphicsPane(mode: .sixel, cellPixels: cell).canvasSize(for: rect, screenRows: 70) == Size(width: 1600, height: 1200))
        // Unknown cell size: 8×16 assumed.
        #expect(GraphicsPane(mode: .kitty, cellPixels: nil).canvasSize(for: rect, screenRows: 70) == Size(width: 1600, height: 960))
    }

    @Test func sixelPaneStaysOffTheLastRow() {
        let pane = GraphicsPane(mode: .sixel, cellPixels: Size(width: 8, height: 20))
        // Rows 1…60 of a 61-row screen: the last row (60) is left out.
        #expect(pane.canvasSize(for: Rect(x: 0, y: 1, width: 10, height: 60), screenRows: 61) == Size(width: 80, height: 59 * 20))
        #expect(pane.canvasSize(for: Rect(x: 0, y: 1, width: 10, height: 59), screenRows: 61) == Size(width: 80, height: 59 * 20))
        // Kitty does not move the cursor (C=1) and is not limited.
        let kitty = GraphicsPane(mode: .kitty, cellPixels: Size(width: 8, height: 20))
        #expect(kitty.canvasSize(for: Rect(x: 0, y: 1, width: 10, height: 60), screenRows: 61).height == 1200)
    }

    @Test func fittedSizeKeepsFilmProportions() {
        let sixel = GraphicsPane(mode: .sixel, cellPixels: Size(width: 8, height: 20))
        let canvas = Size(width: 1600, height: 1200)
        // 2048×2560 with square pixels: height-limited, 4:5.
        #expect(sixel.fittedSize(sourceWidth: 2048, sourceHeight: 2560, canvas: canvas) == Size(width: 960, height: 1200))
        // Rows twice as far apart as columns: the film is twice as tall as its pixel count says.
        #expect(sixel.fittedSize(sourceWidth: 1000, sourceHeight: 500, pixelAspect: 2, canvas: canvas) == Size(width: 1200, height: 1200))
        // Half-blocks: a canvas pixel is 8 wide and 10 tall on screen, so a square film needs fewer rows than columns.
        let hb = GraphicsPane(mode: .halfblock, cellPixels: Size(width: 8, height: 20))
        let s = hb.fittedSize(sourceWidth: 1000, sourceHeight: 1000, canvas: Size(width: 200, height: 120))
        #expect(s == Size(width: 150, height: 120))
        #expect(abs(Double(s.width) * 8 - Double(s.height) * 10) < 10, "square on screen")
        #expect(hb.fittedSize(sourceWidth: 0, sourceHeight: 10, canvas: canvas) == Size(width: 0, height: 0))
    }

    @Test func letterboxCentres() {
        let img = GreyImage(width: 2, height: 1, pixels: [10, 20])
        let boxed = img.letterboxed(into: Size(width: 4, height: 3), background: 1)
        #expect(boxed.pixels == [1, 1, 1, 1, 1, 10, 20, 1, 1, 1, 1, 1])
        let cropped = GreyImage(width: 4, height: 1, pixels: [1, 2, 3, 4]).letterboxed(into: Size(width: 2, height: 1))
        #expect(cropped.pixels == [2, 3])
        #expect(img.letterboxed(into: Size(width: 2, height: 1)) == img)
    }

    @Test func sixelFramePaintsTheWholeCanvas() throws {
        var pane = GraphicsPane(mode: .sixel, cellPixels: Size(width: 2, height: 6))
        let img = GreyImage(width: 3, height: 4, pixels: Array(repeating: 255, count: 12))
        let bytes = pane.frame(img, in: Rect(x: 1, y: 2, width: 4, height: 2), screenRows: 10)
        let s = String(decoding: bytes, as: UTF8.self)
        #expect(s.hasPrefix("\u{1B}7\u{1B}[3;2H\u{1B}P"))
        let body = Array(bytes.dropFirst(bytes.firstIndex(of: 0x50)! - 1).dropLast(2))
        let d = try GraphicsSixelDecoder.decode(body)
        #expect(d.width == 8 && d.height == 12 && d.paints.allSatisfy { $0 == 1 })
        #expect(d.pixels.filter { $0 == 255 }.count == 12)
        #expect(pane.clear().isEmpty)
    }

    @Test func kittyFramesAlternateIdsAndClear() {
        var pane = GraphicsPane(mode: .kitty, cellPixels: Size(width: 2, height: 4))
        let img = GreyImage(width: 2, height: 2, pixels: [0, 1, 2, 3])
        let rect = Rect(x: 0, y: 0, width: 3, height: 2)
        let (a, b) = GraphicsPane.kittyIDs
        let f1 = GraphicsKittyTests.commands(pane.frame(img, in: rect, screenRows: 5))
        #expect(f1.count == 1 && f1[0].keys["i"] == "\(a)" && f1[0].keys["f"] == "100")
        #expect(f1[0].keys["c"] == "3" && f1[0].keys["r"] == "2")
        // Under text and under coloured cells: overlays drawn by curses stay on top.
        #expect(f1[0].keys["z"] == "-1073741825")
        let f2 = GraphicsKittyTests.commands(pane.frame(img, in: rect, screenRows: 5))
        #expect(f2.map { $0.keys["i"] } == ["\(b)", "\(a)"] && f2[1].keys["a"] == "d")
        let f3 = GraphicsKittyTests.commands(pane.frame(img, in: rect, screenRows: 5))
        #expect(f3.map { $0.keys["i"] } == ["\(a)", "\(b)"])
        #expect(String(decoding: pane.clear(), as: UTF8.self) == "\u{1B}_Ga=d,d=I,i=\(a),q=2\u{1B}\\")
        #expect(pane.clear().isEmpty)
    }

    @Test func halfBlockPaneWritesNoBytes() {
        var pane = GraphicsPane(mode: .halfblock, cellPixels: nil)
        #expect(pane.frame(GreyImage(width: 1, height: 1, pixels: [9]), in: Rect(x: 0, y: 0, width: 1, height: 1), screenRows: 3).isEmpty)
    }
}
