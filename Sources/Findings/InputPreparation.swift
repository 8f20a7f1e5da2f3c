import Imaging
import Inference

/// Card-driven pre-processing: window to [0, 1] grey, resize (letterbox or stretch, with
/// Imaging's area-averaging/bilinear resampler), pad with grey 0, repeat grey into each
/// channel, then (v − mean) / std per channel. NCHW, batch 1.
public enum InputPreparation {
    public struct Prepared: Sendable {
        public var tensor: Tensor
        public var geometry: InputGeometry
    }

    /// The window the card asks for on this image.
    public static func window(for buffer: PixelBuffer, declared: VOIWindow?, card: ModelCard.Window) -> VOIWindow? {
        switch card {
        case .fixed(let center, let width):
            return VOIWindow(center: center, width: width)
        case .minMax:
            let stats = buffer.modalityStats(frame: 0)
            return .covering(min: stats?.min ?? 0, max: stats?.max ?? 1)
        case .imageDefault:
            // nil lets PixelBuffer.display use the file's own window or VOI LUT, else its range.
            if !buffer.windows.isEmpty || !buffer.voiTables.isEmpty { return nil }
            return declared
        }
    }

    public static func prepare(buffer: PixelBuffer, declaredWindow: VOIWindow?, input: ModelCard.Input) throws -> Prepared {
        let display = try buffer.display(frame: 0, window: window(for: buffer, declared: declaredWindow, card: input.window))
        return try prepare(display: display, input: input)
    }

    /// From an already windowed 8-bit image.
    public static func prepare(display: DisplayImage, input: ModelCard.Input) throws -> Prepared {
        let g = InputGeometry(imageWidth: display.width, imageHeight: display.height,
                              inputWidth: input.width, inputHeight: input.height, resize: input.resize)
        let grey = try CNNPreprocessing(width: g.contentWidth, height: g.contentHeight, mean: [0], std: [1])
            .tensor(from: display).values
        let plane = input.width * input.height
        var values = [Float](repeating: 0, count: plane * input.channels)
        let norm = input.normalisation
        for c in 0..<input.channels {
            let mean = norm.mean.count == 1 ? norm.mean[0] : norm.mean[c]
            let std = norm.std.count == 1 ? norm.std[0] : norm.std[c]
            let base = c * plane
            let padded = (0 - mean) / std
            for i in 0..<plane { values[base + i] = padded }
            for y in 0..<g.contentHeight {
                let src = y * g.contentWidth, dst = base + (y + g.offsetY) * input.width + g.offsetX
                for x in 0..<g.contentWidth { values[dst + x] = (grey[src + x] - mean) / std }
            }
        }
        return Prepared(tensor: Tensor(shape: [1, input.channels, input.height, input.width], floats: values), geometry: g)
    }
}
