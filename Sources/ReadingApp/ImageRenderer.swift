import Foundation
import Imaging
import TerminalUI

/// Decodes, crops (zoom/pan), resamples and windows images for the pane. Runs
/// on a background queue; keeps the last few decoded files and resampled
/// frames so that a window change or a return to a view costs only the
/// windowing of a pane-sized image.
public final class ImageRenderer: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [(path: String, buffer: PixelBuffer)] = []
    private var frames: [(key: FrameKey, frame: ResampledFrame, sorted: [Float])] = []
    private let load: @Sendable (String) throws -> PixelBuffer
    /// Halved copies by (path, level); see ImageRenderer+Mips.
    private var mips: [(path: String, level: Int, buffer: PixelBuffer)] = []
    private let useMips: Bool

    private struct FrameKey: Equatable {
        var path: String
        var crop: CropRect
        var size: Size
    }

    struct CropRect: Equatable { var x: Int; var y: Int; var width: Int; var height: Int }

    public init(load: @escaping @Sendable (String) throws -> PixelBuffer = { try ImageLoader.load(path: $0) },
                useMips: Bool = true) {
        self.load = load
        self.useMips = useMips
    }

    public func render(_ r: RenderRequest) throws -> RenderedImage {
        var buffer = try cachedBuffer(r.path)
        if buffer.pixelSpacing == nil, let sp = r.seriesSpacing, sp.count == 2 {
            buffer.pixelSpacing = PixelSpacing(row: sp[0], column: sp[1])
        }
        if buffer.windows.isEmpty, let w = r.seriesWindow {
            buffer.windows = [WindowSetting(center: w.center, width: w.width, explanation: "study.json")]
        }
        let crop = Self.crop(columns: buffer.columns, rows: buffer.rows, settings: r.settings)
        let aspect = buffer.pixelSpacing.map { $0.column > 0 ? $0.row / $0.column : 1 } ?? 1
        let pane = GraphicsPane(mode: r.graphics, cellPixels: r.cellPixels)
        let fitted = pane.fittedSize(sourceWidth: crop.width, sourceHeight: crop.height, pixelAspect: aspect, canvas: r.canvas)
        guard fitted.width > 0, fitted.height > 0 else {
            return RenderedImage(image: GreyImage(width: 0, height: 0, pixels: []), presetName: "", window: WindowValues(center: 0, width: 1),
                                 generation: r.generation)
        }
        let (frame, sorted) = try cachedFrame(FrameKey(path: r.path, crop: crop, size: fitted), buffer: buffer)
        let presets = WindowPreset.presets(modality: r.modality)
        let preset = presets[((r.settings.preset % presets.count) + presets.count) % presets.count]
        // Percentile presets come from the whole image, so zoom and pan never change W/L.
        var wholeSorted = sorted
        if r.settings.customWindow == nil, crop.width != buffer.columns || crop.height != buffer.rows {
            let whole = CropRect(x: 0, y: 0, width: buffer.columns, height: buffer.rows)
            let size = pane.fittedSize(sourceWidth: buffer.columns, sourceHeight: buffer.rows, pixelAspect: aspect, canvas: r.canvas)
            if size.width > 0, size.height > 0 {
                wholeSorted = try cachedFrame(FrameKey(path: r.path, crop: whole, size: size), buffer: buffer).1
            }
        }
        let window = r.settings.customWindow ?? Self.window(for: preset.rule, buffer: buffer, sorted: wholeSorted)
        let display = frame.display(window: VOIWindow(center: window.center, width: window.width), invert: r.settings.invert)
        let grey = GreyImage(width: display.width, height: display.height, pixels: display.pixels)
        var out = RenderedImage(image: grey, presetName: r.settings.customWindow == nil ? preset.name : "custom", window: window,
                                generation: r.generation)
        out.sourceY = Double(crop.y)
        out.sourceHeight = Double(crop.height)
        if let overlay = r.overlay {
            // Output pixel centre → source pixel, through the crop and the fit.
            let sx = Double(crop.width) / Double(fitted.width), sy = Double(crop.height) / Double(fitted.height)
            out.rgb = overlay.composite(grey) { ox, oy in
                (Double(crop.x) + (Double(ox) + 0.5) * sx, Double(crop.y) + (Double(oy) + 0.5) * sy)
            }
        }
        return out
    }

    /// The part of the image in view: 1/zoom of each side around the centre, kept inside the image.
    static func crop(columns: Int, rows: Int, settings: ImageViewSettings) -> CropRect {
        let z = min(ImageViewSettings.maxZoom, max(1, settings.zoom))
        let w = max(1, Int((Double(columns) / z).rounded())), h = max(1, Int((Double(rows) / z).rounded()))
        let x = min(max(0, Int((settings.centerX * Double(columns)).rounded()) - w / 2), columns - w)
        let y = min(max(0, Int((settings.centerY * Double(rows)).rounded()) - h / 2), rows - h)
        return CropRect(x: x, y: y, width: w, height: h)
    }

    static func window(for rule: WindowPreset.Rule, buffer: PixelBuffer, sorted: [Float]) -> WindowValues {
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let i = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count - 1)).rounded())))
            return Double(sorted[i])
        }
        func between(_ lo: Double, _ hi: Double) -> WindowValues {
            WindowValues(center: (lo + hi) / 2, width: max(1, hi - lo))
        }
        switch rule {
        case .stored:
            if let w = buffer.windows.first { return WindowValues(center: w.center, width: w.width) }
            return between(percentile(1), percentile(99))
        case .percentiles(let low, let high):
            return between(percentile(low), percentile(high))
        case .fullRange:
            return between(Double(sorted.first ?? 0), Double(sorted.last ?? 1))
        }
    }

    private func cachedBuffer(_ path: String) throws -> PixelBuffer {
        lock.lock()
        if let hit = buffers.first(where: { $0.path == path }) { lock.unlock(); return hit.buffer }
        lock.unlock()
        let b = try load(path)
        lock.lock()
        buffers.append((path, b))
        if buffers.count > 3 { buffers.removeFirst() }
        lock.unlock()
        return b
    }

    private func cachedFrame(_ key: FrameKey, buffer: PixelBuffer) throws -> (ResampledFrame, [Float]) {
        lock.lock()
        if let hit = frames.first(where: { $0.key == key }) { lock.unlock(); return (hit.frame, hit.sorted) }
        lock.unlock()
        var base = buffer, crop = key.crop
        let level = useMips && buffer.frames == 1 && Self.canUseMips(buffer) ? Self.mipLevel(crop: crop, size: key.size) : 1
        if level > 1 {
            base = mip(key.path, level: level, of: buffer)
            crop = Self.scaled(crop, level: level, columns: base.columns, rows: base.rows)
        }
        let source: PixelBuffer
        if crop.width == base.columns && crop.height == base.rows {
            source = base
        } else {
            source = Self.cropped(base, crop)
        }
        let frame = try source.resampled(frame: 0, width: key.size.width, height: key.size.height)
        let sorted = frame.values.sorted()
        lock.lock()
        frames.append((key, frame, sorted))
        if frames.count > 8 { frames.removeFirst() }
        lock.unlock()
        return (frame, sorted)
    }

    /// The image halved `log2(level)` times, built from the next finer level (cached).
    private func mip(_ path: String, level: Int, of buffer: PixelBuffer) -> PixelBuffer {
        lock.lock()
        if let hit = mips.first(where: { $0.path == path && $0.level == level }) { lock.unlock(); return hit.buffer }
        lock.unlock()
        let finer = level == 2 ? buffer : mip(path, level: level / 2, of: buffer)
        let m = Self.halved(finer)
        lock.lock()
        mips.append((path, level, m))
        // A few levels for the last few images, like the decoded buffers.
        if mips.count > 12 { mips.removeFirst() }
        lock.unlock()
        return m
    }

    static func cropped(_ b: PixelBuffer, _ c: CropRect) -> PixelBuffer {
        var values = [Int32]()
        values.reserveCapacity(c.width * c.height)
        for y in c.y..<(c.y + c.height) {
            let start = y * b.columns + c.x
            values.append(contentsOf: b.values[start..<(start + c.width)])
        }
        var out = b
        out.rows = c.height
        out.columns = c.width
        out.frames = 1
        out.values = values
        return out
    }
}
