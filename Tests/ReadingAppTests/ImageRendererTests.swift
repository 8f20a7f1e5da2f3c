import Imaging
import ReadingApp
import TerminalUI
import Testing

/// The renderer on a synthetic 12-bit radiograph: a ramp left to right.
@Suite struct ImageRendererTests {
    static let ramp: PixelBuffer = {
        let w = 400, h = 200
        var v = [Int32](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { v[y * w + x] = Int32(x * 4095 / (w - 1)) } }
        return PixelBuffer(rows: h, columns: w, bitsAllocated: 16, bitsStored: 12, values: v,
                           windows: [WindowSetting(center: 2048, width: 4096)], pixelSpacing: PixelSpacing(row: 0.2, column: 0.1))
    }()

    func request(_ settings: ImageViewSettings = ImageViewSettings(), canvas: Size = Size(width: 100, height: 100)) -> RenderRequest {
        RenderRequest(studyId: "S", index: 0, path: "ramp", modality: "CR", canvas: canvas, graphics: .halfblock,
                      cellPixels: Size(width: 8, height: 16), settings: settings, generation: 3)
    }

    let renderer = ImageRenderer(load: { _ in ImageRendererTests.ramp })

    @Test func fitsWithPhysicalAspectAndStoredWindow() throws {
        let r = try renderer.render(request())
        // 400 × 0.1 mm wide, 200 × 0.2 mm high: square physically; half-block pixels are square on 8×16 cells.
        #expect(r.image.width == 100 && r.image.height == 100)
        #expect(r.presetName == "as stored")
        #expect(r.window == WindowValues(center: 2048, width: 4096))
        #expect(r.generation == 3)
        // The ramp stays a ramp: dark on the left, bright on the right.
        #expect(r.image[0, 50] < 10 && r.image[99, 50] > 245)
    }

    @Test func invertAndFreeWindow() throws {
        var settings = ImageViewSettings()
        settings.invert = true
        let inverted = try renderer.render(request(settings))
        #expect(inverted.image[0, 50] > 245)
        settings = ImageViewSettings()
        settings.customWindow = WindowValues(center: 1000, width: 100)
        let narrow = try renderer.render(request(settings))
        #expect(narrow.presetName == "custom")
        // Everything right of ~1050 saturates to white.
        #expect(narrow.image[50, 50] == 255 && narrow.image[0, 50] == 0)
    }

    @Test func zoomShowsTheMiddleAtMoreDetail() throws {
        var settings = ImageViewSettings()
        settings.zoom = 4
        let r = try renderer.render(request(settings))
        // The middle quarter of the ramp spans ~1536…2559; the window 0…4096 maps that to ~96…160.
        let left = Int(r.image[0, 50]), right = Int(r.image[r.image.width - 1, 50])
        #expect(abs(left - 96) <= 3 && abs(right - 159) <= 3, "\(left) \(right)")
    }

    @Test func presetsAreDistinctWindows() throws {
        var windows: [WindowValues] = []
        for p in 0..<4 {
            var settings = ImageViewSettings()
            settings.preset = p
            windows.append(try renderer.render(request(settings)).window)
        }
        #expect(Set(windows.map { "\($0)" }).count == 4)
        // Full range covers the whole ramp.
        // Full range covers the whole ramp (less the area-averaged edge columns).
        #expect(abs(windows[3].width - 4095) < 50)
    }

    /// QA 4j: a percentile preset is computed on the whole image, not the zoomed crop.
    @Test func zoomAndPanKeepThePresetWindow() throws {
        for p in 1..<4 {
            var settings = ImageViewSettings()
            settings.preset = p
            let fitted = try renderer.render(request(settings)).window
            settings.zoom = 4
            settings.centerX = 0.2
            let zoomed = try renderer.render(request(settings)).window
            #expect(abs(zoomed.center - fitted.center) < 1 && abs(zoomed.width - fitted.width) < 1, "preset \(p): \(fitted) → \(zoomed)")
        }
    }
}

@Suite struct ImageRendererSeriesFallbackTests {
    @Test func pngWithoutSpacingOrWindowUsesStudyJSONValues() throws {
        let plain = PixelBuffer(rows: 100, columns: 100, bitsAllocated: 16, bitsStored: 12,
                                values: (0..<10_000).map { Int32($0 % 100 * 40) })
        let renderer = ImageRenderer(load: { _ in plain })
        var r = RenderRequest(studyId: "S", index: 0, path: "p", modality: "CR", canvas: Size(width: 100, height: 100),
                              graphics: .halfblock, cellPixels: Size(width: 8, height: 16), settings: ImageViewSettings(), generation: 1)
        r.seriesSpacing = [0.2, 0.1]
        r.seriesWindow = WindowValues(center: 1000, width: 500)
        let out = try renderer.render(r)
        // Rows twice as far apart as columns: the picture is twice as tall as wide.
        #expect(out.image.height == 100 && out.image.width == 50)
        #expect(out.window == WindowValues(center: 1000, width: 500))
    }
}

@Suite struct ImageRendererOverlayTests {
    @Test func overlayIsBlendedWhereTheMapIsHot() throws {
        let flat = PixelBuffer(rows: 100, columns: 100, bitsAllocated: 16, bitsStored: 12,
                               values: [Int32](repeating: 2048, count: 10_000), windows: [WindowSetting(center: 2048, width: 4096)])
        let renderer = ImageRenderer(load: { _ in flat })
        var r = RenderRequest(studyId: "S", index: 0, path: "p", modality: "CR", canvas: Size(width: 50, height: 50),
                              graphics: .halfblock, cellPixels: Size(width: 8, height: 16), settings: ImageViewSettings(), generation: 1)
        // Hot in the left half of the image only.
        r.overlay = ImageOverlay(width: 2, height: 1, values: [1, 0], x: 0, y: 0, rectWidth: 100, rectHeight: 100)
        let out = try renderer.render(r)
        let rgb = try #require(out.rgb)
        func px(_ x: Int, _ y: Int) -> [UInt8] { let i = (y * out.image.width + x) * 3; return Array(rgb[i..<i + 3]) }
        #expect(px(2, 25)[0] > px(2, 25)[2] + 60, "left is reddened: \(px(2, 25))")
        let right = px(out.image.width - 3, 25)
        #expect(right[0] == right[2], "right stays grey: \(right)")
    }
}
