/// ONNX Upsample (opset 7–9; deprecated at 10): scales as an attribute (7) or
/// an input (9), asymmetric coordinates, nearest (floor) or linear.
enum Upsample {
    static func make(_ node: NodeProto, opset: Int) throws -> any Operator {
        guard opset < 10 else { throw UnsupportedFeature("Upsample was removed in opset 10; use Resize") }
        guard opset >= 7 else { throw UnsupportedFeature("Upsample with width_scale/height_scale (opset < 7)") }
        let a = Attributes(node)
        let modeName = try a.string("mode", "nearest")
        let mode: Resampling.Mode
        switch modeName {
        case "nearest": mode = .nearest(.floor)
        case "linear", "bilinear": mode = .linear
        default: throw UnsupportedFeature("mode \(modeName)")
        }
        return Resize(mode: mode, coordinates: .asymmetric, extrapolation: 0, axes: nil, policy: .stretch,
                      scalesInput: 1, sizesInput: nil, roiInput: nil, attributeScales: opset < 9 ? try a.floats("scales") : nil)
    }
}
