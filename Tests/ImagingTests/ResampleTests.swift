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

@Suite struct CNNPreprocessingTests {
    @Test func normalisesPerChannelInNCHW() throws {
        let image = DisplayImage(width: 2, height: 2, pixels: [0, 255, 255, 0])
        let prep = CNNPreprocessing(width: 2, height: 2, mean: [0.5, 0], std: [0.5, 1])
        let t = try prep.tensor(from: image)
        #expect(t.shape == [1, 2, 2, 2])
        #expect(t.values == [-1, 1, 1, -1, 0, 1, 1, 0])
    }

    @Test func resizesByAreaWithoutEightBitRounding() throws {
        let image = DisplayImage(width: 4, height: 1, pixels: [0, 1, 0, 0])
        let t = try CNNPreprocessing(width: 1, height: 1, mean: [0], std: [1]).tensor(from: image)
        #expect(abs(t.values[0] - 0.25 / 255) < 1e-7)
    }

    @Test func rejectsBadParameters() {
        let image = DisplayImage(width: 1, height: 1, pixels: [1])
        #expect(throws: ImagingError.self) { try CNNPreprocessing(width: 0, height: 2, mean: [0], std: [1]).tensor(from: image) }
        #expect(throws: ImagingError.self) { try CNNPreprocessing(width: 2, height: 2, mean: [0], std: [0]).tensor(from: image) }
        #expect(throws: ImagingError.self) { try CNNPreprocessing(width: 2, height: 2, mean: [0, 1], std: [1]).tensor(from: image) }
    }

    @Test func windowsStoredValuesFirst() throws {
        let buffer = PixelBuffer(rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 12, values: [0, 4095],
                                 windows: [WindowSetting(center: 2048, width: 4096)])
        let t = try CNNPreprocessing(width: 2, height: 1, mean: [0], std: [1]).tensor(from: buffer)
        #expect(t.values == [0, 1])
    }
}

@Suite struct ResampledFrameTests {
    static let buffer = PixelBuffer(rows: 3, columns: 4, bitsAllocated: 16, bitsStored: 12,
                                    values: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 4095],
                                    rescaleSlope: 2, rescaleIntercept: -10, windows: [WindowSetting(center: 1000, width: 2000)])

    @Test func sameSizeEqualsDirectDisplay() throws {
        let frame = try Self.buffer.resampled(width: 4, height: 3)
        let window = Self.buffer.defaultWindow()
        #expect(frame.display(window: window) == (try Self.buffer.display()))
        var mono1 = Self.buffer
        mono1.photometric = .monochrome1
        #expect(try mono1.resampled(width: 4, height: 3).display(window: window) == (try mono1.display()))
        #expect(frame.minimum == -10 && frame.maximum == 8180)
    }

    @Test func averagesModalityValuesBeforeWindowing() throws {
        let frame = try Self.buffer.resampled(width: 2, height: 1)
        // Left half: stored 0,100,400,500,800,900 → mean 450 → ×2 − 10 = 890.
        #expect(abs(frame.values[0] - 890) < 1e-3)
        #expect(throws: ImagingError.self) { try Self.buffer.resampled(width: 0, height: 1) }
        #expect(throws: ImagingError.self) { try Self.buffer.resampled(frame: 2, width: 1, height: 1) }
    }
}

@Suite struct PaneFitTests {
    @Test func keepsPhysicalAspectOnHalfBlocks() {
        // 2000 × 2500 px square pixels into 200 × 60 cells of 1:2 → height limits: 60 rows = 120 units,
        // width = 120 × 0.8 = 96 units = 96 columns.
        let f = PaneFit.fit(imageColumns: 2000, imageRows: 2500, spacing: nil, paneColumns: 200, paneRows: 60)
        #expect(f == PaneFit(columns: 96, rows: 60, column: 52, row: 0, pixelWidth: 96, pixelHeight: 120))
    }

    @Test func pixelSpacingChangesTheShape() {
        // Rows twice as far apart as columns: a 100 × 100 image is physically twice as tall.
        let f = PaneFit.fit(imageColumns: 100, imageRows: 100, spacing: PixelSpacing(row: 0.2, column: 0.1),
                            paneColumns: 80, paneRows: 40)
        #expect(f.columns == 40 && f.rows == 40)
        let sixel = PaneFit.fit(imageColumns: 100, imageRows: 100, spacing: nil, paneColumns: 80, paneRows: 40,
                                cellWidth: 9, cellHeight: 18, pixelsPerCell: (9, 18))
        #expect(sixel.rows == 40 && sixel.columns == 80 && sixel.pixelWidth == 720 && sixel.pixelHeight == 720)
    }

    @Test func degenerateInputs() {
        #expect(PaneFit.fit(imageColumns: 0, imageRows: 5, spacing: nil, paneColumns: 10, paneRows: 10).columns == 0)
        let thin = PaneFit.fit(imageColumns: 10000, imageRows: 1, spacing: nil, paneColumns: 10, paneRows: 10)
        #expect(thin.columns == 10 && thin.rows == 1)
    }
}
