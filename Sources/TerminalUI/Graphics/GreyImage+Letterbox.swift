extension GreyImage {
    /// This image centred on a `canvas` of `background`, cropped if larger.
    /// Pixel panes always paint their whole rectangle, so nothing of an
    /// earlier, larger frame (before a zoom or a resize) stays on screen.
    public func letterboxed(into canvas: Size, background: UInt8 = 0) -> GreyImage {
        let cw = max(0, canvas.width), ch = max(0, canvas.height)
        if cw == width && ch == height { return self }
        var out = [UInt8](repeating: background, count: cw * ch)
        let ox = (cw - width) / 2, oy = (ch - height) / 2
        let x0 = max(0, ox), x1 = min(cw, ox + width)
        guard x1 > x0 else { return GreyImage(width: cw, height: ch, pixels: out) }
        for y in max(0, oy)..<min(ch, oy + height) {
            let src = (y - oy) * width + (x0 - ox)
            out.withUnsafeMutableBufferPointer { dst in
                pixels.withUnsafeBufferPointer { s in
                    for i in 0..<(x1 - x0) { dst[y * cw + x0 + i] = s[src + i] }
                }
            }
        }
        return GreyImage(width: cw, height: ch, pixels: out)
    }
}
