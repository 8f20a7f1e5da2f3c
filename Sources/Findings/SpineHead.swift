import Imaging
import Inference

/// Spine post-processing: level centres from heat-map argmax mapped back to the slice's
/// pixels and mm; softmax probabilities for each graded condition.
public enum SpineHead {
    public static func finding(image: String, outputs: [String: Tensor], card: ModelCard, modelPath: String = "model.onnx",
                               geometry: InputGeometry, spacing: PixelSpacing?) throws -> SpineFinding {
        let reader = OutputReader(outputs: outputs, card: card, modelPath: modelPath)
        let n = SpineFinding.levelNames.count
        let maps = try reader.maps("levels", channels: n)
        let stenosis = try reader.matrix("canalStenosis", rows: n, columns: 3)
        let pfirrmann = try reader.matrix("pfirrmann", rows: n, columns: 5)
        let listhesis = try reader.matrix("listhesis", rows: n, columns: 5)
        var levels: [SpineFinding.Level] = []
        for k in 0..<n {
            let plane = maps.height * maps.width
            let p = levelCentre(Array(maps.values[(k * plane)..<((k + 1) * plane)]), width: maps.width, height: maps.height, geometry: geometry)
            levels.append(SpineFinding.Level(
                level: SpineFinding.levelNames[k], x: p.x, y: p.y,
                xMm: spacing.map { p.x * $0.column }, yMm: spacing.map { p.y * $0.row },
                canalStenosis: Probability.softmax(stenosis[k]), pfirrmann: Probability.softmax(pfirrmann[k]),
                listhesis: Probability.softmax(listhesis[k])))
        }
        return SpineFinding(image: image, levels: levels)
    }

    /// Centre of the hottest cell of one heat map, in original-image pixels. The map may be
    /// coarser than the input: cell (i, j) spans input [j·W/w, (j+1)·W/w) × [i·H/h, (i+1)·H/h).
    public static func levelCentre(_ map: [Float], width: Int, height: Int, geometry: InputGeometry) -> (x: Double, y: Double) {
        let i = map.indices.max { map[$0] < map[$1] } ?? 0
        let u = (Double(i % width) + 0.5) * Double(geometry.inputWidth) / Double(width)
        let v = (Double(i / width) + 0.5) * Double(geometry.inputHeight) / Double(height)
        return geometry.imagePoint(inputX: u, inputY: v)
    }
}
