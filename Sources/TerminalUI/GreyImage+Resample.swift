extension GreyImage {
    /// Size that fits `bounds` keeping this image's aspect ratio.
    public func fittedSize(in bounds: Size) -> Size {
        guard width > 0, height > 0, bounds.width > 0, bounds.height > 0 else { return Size(width: 0, height: 0) }
        let scale = min(Double(bounds.width) / Double(width), Double(bounds.height) / Double(height))
        return Size(width: max(1, Int((Double(width) * scale).rounded(.down))),
                    height: max(1, Int((Double(height) * scale).rounded(.down))))
    }

    /// Box-filtered resize: each output pixel averages the source area it
    /// covers (with fractional edges), so shrinking never aliases fine lines;
    /// enlarging degenerates to nearest, which is what a pane zoom wants.
    public func resampled(to size: Size) -> GreyImage {
        let ow = max(1, size.width), oh = max(1, size.height)
        if ow == width && oh == height { return self }
        let sx = Double(width) / Double(ow), sy = Double(height) / Double(oh)
        var out = [UInt8](repeating: 0, count: ow * oh)
        for oy in 0..<oh {
            let y0 = Double(oy) * sy, y1 = y0 + sy
            let iy0 = Int(y0), iy1 = min(height - 1, Int((y1 - 1e-9).rounded(.down)))
            for ox in 0..<ow {
                let x0 = Double(ox) * sx, x1 = x0 + sx
                let ix0 = Int(x0), ix1 = min(width - 1, Int((x1 - 1e-9).rounded(.down)))
                var sum = 0.0, area = 0.0
                for iy in iy0...max(iy0, iy1) {
                    let wy = min(Double(iy + 1), y1) - max(Double(iy), y0)
                    if wy <= 0 { continue }
                    for ix in ix0...max(ix0, ix1) {
                        let wx = min(Double(ix + 1), x1) - max(Double(ix), x0)
                        if wx <= 0 { continue }
                        sum += Double(pixels[iy * width + ix]) * wx * wy
                        area += wx * wy
                    }
                }
                out[oy * ow + ox] = area > 0 ? UInt8(min(255, max(0, (sum / area).rounded()))) : 0
            }
        }
        return GreyImage(width: ow, height: oh, pixels: out)
    }
}
