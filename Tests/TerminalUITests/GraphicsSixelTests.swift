import Testing
import TerminalUI

@Suite struct GraphicsSixelTests {
    @Test(arguments: [16, 32, 64, 101, 128, 256])
    func paletteErrorWithinQuantisation(levels: Int) {
        let p = SixelPalette(levels: levels)
        #expect(p.count == min(levels, 101))
        #expect(p.percents.first == 0 && p.percents.last == 100)
        #expect(zip(p.percents, p.percents.dropFirst()).allSatisfy { $0 < $1 })
        // Half a step of the requested ramp plus one for rounding (sixel colours are percent).
        let bound = 256 / p.count / 2 + 1
        #expect(p.maximumError <= bound, "\(levels) levels: error \(p.maximumError) > \(bound)")
    }

    @Test func paletteNearestRegister() {
        let p = SixelPalette(levels: 5)
        #expect(p.percents == [0, 25, 50, 75, 100])
        #expect(p.shown == [0, 64, 128, 191, 255])
        #expect(p.displayed(31) == 0)
        #expect(p.displayed(33) == 64)
        #expect(p.displayed(200) == 191)
        #expect(p.displayed(224) == 255)
    }

    @Test func paletteHonoursTerminalRegisters() {
        #expect(SixelPalette(levels: 64, registers: 16).count == 16)
        #expect(SixelPalette(levels: 64, registers: 1).count == 2)
    }

    @Test(arguments: [(37, 25), (1, 1), (1, 7), (12, 6), (200, 13)])
    func decodesBackToQuantisedSource(size: (Int, Int)) throws {
        let img = GraphicsTestImages.radiographLike(width: size.0, height: size.1)
        let enc = SixelEncoder(levels: 64)
        let d = try GraphicsSixelDecoder.decode(enc.encode(img))
        #expect(d.width == img.width && d.height == img.height)
        #expect(d.bands == (img.height + 5) / 6)
        #expect(d.paints.allSatisfy { $0 == 1 }, "every pixel painted exactly once")
        let expected = img.pixels.map { Int(enc.palette.displayed($0)) }
        #expect(d.pixels == expected)
    }

    @Test func everyLevelSurvives() throws {
        let img = GraphicsTestImages.ramp(width: 16)
        for levels in [8, 64, 101] {
            let enc = SixelEncoder(levels: levels)
            let d = try GraphicsSixelDecoder.decode(enc.encode(img))
            for (i, v) in img.pixels.enumerated() {
                #expect(abs(d.pixels[i] - Int(v)) <= enc.palette.maximumError)
            }
        }
    }

    @Test func structure() {
        let img = GreyImage(width: 100, height: 12, pixels: Array(repeating: 128, count: 1200))
        let s = SixelEncoder(levels: 5).encodeString(img)
        #expect(s.hasPrefix("\u{1B}P0;1;0q\"1;1;100;12#0;2;0;0;0#1;2;25;25;25#2;2;50;50;50"))
        #expect(s.hasSuffix("\u{1B}\\"))
        // One register, two bands: a full run each, a band break between, none after.
        #expect(s.contains("#2!100~-#2!100~\u{1B}\\"))
    }

    @Test func shortRunsStayLiteral() {
        // Columns: 3 black, 1 white, 4 black → "???" is shorter than "!3?".
        let px: [UInt8] = [0, 0, 0, 255, 0, 0, 0, 0]
        let s = SixelEncoder(levels: 2).encodeString(GreyImage(width: 8, height: 1, pixels: px))
        #expect(s.contains("#0@@@?!4@$#1???@\u{1B}\\"))
    }

    @Test func onlyPrintableBytesInsideTheString() {
        let img = GraphicsTestImages.radiographLike(width: 64, height: 40)
        let bytes = SixelEncoder().encode(img)
        let body = bytes.dropFirst(2).dropLast(2)
        #expect(body.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    @Test func framePlacesAndRestoresCursor() {
        let img = GreyImage(width: 2, height: 2, pixels: [0, 1, 2, 3])
        let enc = SixelEncoder(levels: 16)
        let f = enc.frame(img, atColumn: 4, row: 9)
        #expect(f.starts(with: Array("\u{1B}7\u{1B}[10;5H\u{1B}P".utf8)))
        #expect(Array(f.suffix(4)) == Array("\u{1B}\\\u{1B}8".utf8))
        #expect(Array(f.dropFirst(9).dropLast(2)) == enc.encode(img))
    }

    @Test func pixelSizeOfPane() {
        #expect(SixelEncoder.pixelSize(for: Rect(x: 3, y: 2, width: 200, height: 60), cellPixels: Size(width: 8, height: 20))
                == Size(width: 1600, height: 1200))
    }

    @Test func emptyImageIsAValidString() throws {
        let s = SixelEncoder().encode(GreyImage(width: 0, height: 0, pixels: []))
        let d = try GraphicsSixelDecoder.decode(s)
        #expect(d.width == 0 && d.height == 0)
    }
}
