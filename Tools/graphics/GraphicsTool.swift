// Lightbox graphics tool: not part of the product. Compiled by Tools/graphics/graphics-tool.sh
// against the release build of TerminalUI, so it measures and exercises the real encoders.
//
//   graphics-tool pattern OUT.pgm W H              test pattern (ramp, line pairs, radiograph-like field)
//   graphics-tool sixel IN.pgm OUT.six [LEVELS] [W H]   sixel of a PGM, fitted into W×H pixels
//   graphics-tool halfblock IN.pgm COLS ROWS       the half-block rendering (24-bit SGR) on stdout
//   graphics-tool kitty IN.pgm OUT COLS ROWS CELLW CELLH rgb|png [below]   one kitty pane frame at the top-left
//   graphics-tool bench [COLS ROWS CELLW CELLH]    encode times and sizes for a full pane
import Foundation
import TerminalUI

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("graphics-tool: \(message)\n".utf8))
    exit(2)
}

func readPGM(_ path: String) -> GreyImage {
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read") }
    let b = [UInt8](data)
    guard b.count > 2, b[0] == 0x50, b[1] == 0x35 else { fail("\(path): not a binary PGM (P5)") }
    var i = 2, fields: [Int] = []
    while fields.count < 3 {
        while i < b.count, [0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
        if i < b.count, b[i] == 0x23 { while i < b.count, b[i] != 0x0A { i += 1 }; continue }
        var v = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
        fields.append(v)
    }
    i += 1
    guard fields[2] == 255, b.count >= i + fields[0] * fields[1] else { fail("\(path): need 8-bit samples") }
    return GreyImage(width: fields[0], height: fields[1], pixels: Array(b[i..<(i + fields[0] * fields[1])]))
}

func writePGM(_ image: GreyImage, _ path: String) {
    var data = Data("P5\n\(image.width) \(image.height)\n255\n".utf8)
    data.append(contentsOf: image.pixels)
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("\(path): cannot write") }
}

/// A pattern that shows what a pane can resolve: a 256-step ramp, 1- and
/// 2-pixel line pairs, and a smooth "bone" field with sharp cortical edges.
func pattern(width: Int, height: Int) -> GreyImage {
    var px = [UInt8](repeating: 0, count: width * height)
    let rampH = height / 8, pairsH = height / 8
    for y in 0..<height {
        for x in 0..<width {
            let v: Int
            if y < rampH {
                v = x * 256 / width
            } else if y < rampH + pairsH {
                let period = x < width / 2 ? 2 : 4
                v = (x % period) < period / 2 ? 255 : 0
            } else {
                let fx = Double(x) / Double(width) - 0.5
                let fy = Double(y - rampH - pairsH) / Double(height - rampH - pairsH) - 0.5
                var g = 40 + 60 * (fy + 0.5)
                let r = (fx * fx * 4 + fy * fy).squareRoot()
                if r < 0.42 { g += 90 }
                if r < 0.30 { g -= 50 }
                if abs(fx) < 0.003 || abs(fy) < 0.004 { g = 250 }
                v = Int(g)
            }
            px[y * width + x] = UInt8(min(255, max(0, v)))
        }
    }
    return GreyImage(width: width, height: height, pixels: px)
}

func pane_rect(_ cols: Int, _ rows: Int) -> Rect { Rect(x: 0, y: 1, width: cols, height: rows) }

/// Runs `body` `runs` times: "wall min/median, CPU min". On a shared machine the
/// thread's CPU time is the steady figure (wall time includes waiting for a core).
func median(_ runs: Int, _ body: () -> Void) -> String {
    func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    }
    var wall: [Double] = [], cpuTimes: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let c0 = cpu()
        let t = clock.measure(body)
        cpuTimes.append(cpu() - c0)
        wall.append(Double(t.components.seconds) * 1e3 + Double(t.components.attoseconds) / 1e15)
    }
    wall.sort()
    return String(format: "wall %5.1f/%5.1f ms, CPU %5.1f ms", wall[0], wall[wall.count / 2], cpuTimes.min()!)
}

/// Film grain on top of a picture, so run lengths look like a real radiograph's and not a drawing's.
func grained(_ image: GreyImage, amplitude: Int) -> GreyImage {
    var state: UInt64 = 42
    let px = image.pixels.map { v -> UInt8 in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let n = Int((state >> 33) % UInt64(2 * amplitude + 1)) - amplitude
        return UInt8(min(255, max(0, Int(v) + n)))
    }
    return GreyImage(width: image.width, height: image.height, pixels: px)
}

func bench(cols: Int, rows: Int, cell: Size, sources: [(String, GreyImage)]) {
    for (name, source) in sources {
        print("— \(name), \(source.width)×\(source.height)")
        bench(cols: cols, rows: rows, cell: cell, source: source)
    }
}

func bench(cols: Int, rows: Int, cell: Size, source: GreyImage) {
    let pane = Rect(x: 0, y: 0, width: cols, height: rows)
    let px = SixelEncoder.pixelSize(for: pane, cellPixels: cell)
    print("pane \(cols)×\(rows) cells, cell \(cell.width)×\(cell.height) px → \(px.width)×\(px.height) px; wall min/median and CPU min of 9 runs")
    let fitted = source.fittedSize(in: px)
    var image = source
    let resample = median(5) { image = source.resampled(to: fitted) }
    print(String(format: "resample %d×%d → %d×%d (GreyImage.resampled): %@", source.width, source.height, fitted.width, fitted.height, resample))
    for levels in [16, 32, 64, 101] {
        let enc = SixelEncoder(levels: levels)
        var bytes: [UInt8] = []
        let t = median(9) { bytes = enc.encode(image) }
        print(String(format: "sixel %3d levels (max error %d): %@  %8d bytes  %.2f bytes/pixel",
                     enc.palette.count, enc.palette.maximumError, t, bytes.count,
                     Double(bytes.count) / Double(image.pixels.count)))
    }
    do {
        // Worst case for the pane: film content over every one of its pixels.
        let full = source.resampled(to: px)
        let enc = SixelEncoder()
        var bytes: [UInt8] = []
        let t = median(9) { bytes = enc.encode(full) }
        print(String(format: "sixel 101 levels, film stretched over all %d×%d: %@  %8d bytes", px.width, px.height, t, bytes.count))
    }
    for format in [KittyEncoder.Format.rgb, .png] {
        var bytes: [UInt8] = []
        let t = median(9) { bytes = KittyEncoder(format: format).transmitAndPlace(image, columns: cols, rows: rows, imageID: 1) }
        print(String(format: "kitty %@ %d×%d: %@  %8d bytes", format == .rgb ? "f=24 " : "f=100", image.width, image.height, t, bytes.count))
    }
    // What the backend writes per frame: letterboxed to the whole pane, then encoded.
    for mode in [GraphicsMode.sixel, .kitty] {
        var pane = GraphicsPane(mode: mode, cellPixels: cell)
        var bytes: [UInt8] = []
        let t = median(9) { bytes = pane.frame(image, in: pane_rect(cols, rows), screenRows: rows + 2) }
        print(String(format: "GraphicsPane.frame %@ (letterbox %d×%d + encode): %@  %8d bytes",
                     mode.rawValue, px.width, px.height, t, bytes.count))
    }
    let hb = source.resampled(to: source.fittedSize(in: HalfBlockImage.pixelSize(for: pane)))
    var grid = CellGrid(size: Size(width: cols, height: rows))
    let t = median(9) { HalfBlockImage.draw(hb, in: pane, grid: &grid) }
    print(String(format: "half-block %d×%d into the cell grid: %@", hb.width, hb.height, t))
}

let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "" {
case "pattern":
    guard args.count == 5, let w = Int(args[3]), let h = Int(args[4]) else { fail("pattern OUT.pgm W H") }
    writePGM(pattern(width: w, height: h), args[2])
case "sixel":
    guard args.count >= 4 else { fail("sixel IN.pgm OUT.six [LEVELS] [W H]") }
    var image = readPGM(args[2])
    let levels = args.count > 4 ? Int(args[4]) ?? 64 : 64
    if args.count > 6, let w = Int(args[5]), let h = Int(args[6]) {
        image = image.resampled(to: image.fittedSize(in: Size(width: w, height: h)))
    }
    let bytes = SixelEncoder(levels: levels).encode(image)
    guard FileManager.default.createFile(atPath: args[3], contents: Data(bytes)) else { fail("\(args[3]): cannot write") }
case "kitty":
    // kitty IN.pgm OUT COLS ROWS CELLW CELLH rgb|png [below]: one pane frame at the top-left cell
    guard args.count >= 9, let cols = Int(args[4]), let rows = Int(args[5]), let cw = Int(args[6]), let ch = Int(args[7])
    else { fail("kitty IN.pgm OUT COLS ROWS CELLW CELLH rgb|png") }
    let source = readPGM(args[2])
    let canvas = Size(width: cols * cw, height: rows * ch)
    let image = source.resampled(to: source.fittedSize(in: canvas)).letterboxed(into: canvas)
    let below = args.count > 9 && args[9] == "below"
    let enc = KittyEncoder(format: args[8] == "png" ? .png : .rgb, zIndex: below ? KittyEncoder.belowEverything : nil)
    let bytes = enc.frame(image, atColumn: 0, row: 0, columns: cols, rows: rows, imageID: 1, replacing: nil)
    guard FileManager.default.createFile(atPath: args[3], contents: Data(bytes)) else { fail("\(args[3]): cannot write") }
case "halfblock":
    guard args.count == 5, let cols = Int(args[3]), let rows = Int(args[4]) else { fail("halfblock IN.pgm COLS ROWS") }
    let source = readPGM(args[2])
    let rect = Rect(x: 0, y: 0, width: cols, height: rows)
    let image = source.resampled(to: source.fittedSize(in: HalfBlockImage.pixelSize(for: rect)))
    var grid = CellGrid(size: Size(width: cols, height: rows))
    HalfBlockImage.draw(image, in: rect, grid: &grid)
    var out = ""
    for y in 0..<(image.height + 1) / 2 {
        for x in 0..<image.width {
            let c = grid[x, y]
            if case .grey(let f) = c.style.fg, case .grey(let b) = c.style.bg {
                out += "\u{1B}[38;2;\(f);\(f);\(f);48;2;\(b);\(b);\(b)m\u{2580}"
            }
        }
        out += "\u{1B}[0m\n"
    }
    FileHandle.standardOutput.write(Data(out.utf8))
case "bench":
    // bench [COLS ROWS CELLW CELLH] [IMAGE.pgm…]
    let n = args.dropFirst(2).compactMap { Int($0) }
    let files = args.dropFirst(2).filter { Int($0) == nil }
    var sources: [(String, GreyImage)] = [
        ("test pattern with film grain ±4 (as a windowed 2k×2.5k radiograph)", grained(pattern(width: 2048, height: 2560), amplitude: 4)),
    ]
    for f in files { sources.append((f, readPGM(f))) }
    let c = n.count == 4 ? n : [200, 60, 8, 20]
    bench(cols: c[0], rows: c[1], cell: Size(width: c[2], height: c[3]), sources: sources)
default:
    fail("usage: graphics-tool pattern|sixel|halfblock|bench …")
}
