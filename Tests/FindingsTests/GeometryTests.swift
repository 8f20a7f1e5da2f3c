import Imaging
import Inference
import Testing
@testable import Findings

struct GeometryTests {
    @Test func letterboxWideImage() {
        let g = InputGeometry(imageWidth: 200, imageHeight: 100, inputWidth: 64, inputHeight: 64, resize: .letterbox)
        #expect(g.contentWidth == 64 && g.contentHeight == 32 && g.offsetX == 0 && g.offsetY == 16)
        let p = g.imagePoint(inputX: 32, inputY: 32)
        #expect(p.x == 100 && p.y == 50)
        #expect(g.inputRectInImage == ImageRect(x: 0, y: -50, width: 200, height: 200))
        let back = g.inputPoint(imageX: 150, imageY: 25)
        #expect(back.x == 48 && back.y == 24)
    }

    @Test func letterboxTallImageRoundsContent() {
        let g = InputGeometry(imageWidth: 100, imageHeight: 300, inputWidth: 64, inputHeight: 64, resize: .letterbox)
        #expect(g.contentWidth == 21 && g.contentHeight == 64 && g.offsetX == 21 && g.offsetY == 0)
        let p = g.imagePoint(inputX: 21 + 10.5, inputY: 32)
        #expect(abs(p.x - 50) < 1e-9 && abs(p.y - 150) < 1e-9)
    }

    @Test func stretchMapsAxesIndependently() {
        let g = InputGeometry(imageWidth: 200, imageHeight: 100, inputWidth: 64, inputHeight: 64, resize: .stretch)
        let p = g.imagePoint(inputX: 16, inputY: 16)
        #expect(p.x == 50 && p.y == 25)
        #expect(g.inputRectInImage == ImageRect(x: 0, y: 0, width: 200, height: 100))
    }

    @Test func camCoversTheInputRectangle() {
        let g = InputGeometry(imageWidth: 200, imageHeight: 100, inputWidth: 64, inputHeight: 64, resize: .letterbox)
        var values = [Float](repeating: 0, count: 64)
        values[3 * 8 + 6] = 5  // row 3, column 6 of an 8×8 map
        let map = FractureHead.heatMap(values, width: 8, height: 8, geometry: g)
        // each cell spans 200/8 = 25 image pixels; rows start at y = −50
        let peak = map.peak
        #expect(peak.x == 6.5 * 25 && peak.y == -50 + 3.5 * 25)
        #expect(map.value(atImageX: 160, y: 40) == 5)
        #expect(map.value(atImageX: 10, y: 40) == 0)
        #expect(map.value(atImageX: 250, y: 40) == nil)
    }

    @Test func levelCentresMapBackThroughLetterboxAndSpacing() throws {
        // 200×100 image letterboxed into 64×64 (content rows 16..<48); 8×8 heat maps.
        let g = InputGeometry(imageWidth: 200, imageHeight: 100, inputWidth: 64, inputHeight: 64, resize: .letterbox)
        var maps = [Float](repeating: 0, count: 5 * 64)
        for k in 0..<5 { maps[k * 64 + (2 + k % 4) * 8 + k] = 1 }  // level k hottest at row 2 + k%4, column k
        let card = try cardFor("spine")
        let outputs: [String: Tensor] = [
            "levels": Tensor(shape: [1, 5, 8, 8], floats: maps),
            "canalStenosis": Tensor(shape: [1, 5, 3], floats: (0..<15).map { $0 % 3 == 1 ? 1 : 0 }),
            "pfirrmann": Tensor(shape: [1, 5, 5], floats: [Float](repeating: 0, count: 25)),
            "listhesis": Tensor(shape: [1, 5, 5], floats: (0..<25).map { $0 % 5 == 0 ? 3 : 0 }),
        ]
        let f = try SpineHead.finding(image: "images/2.png", outputs: outputs, card: card, geometry: g,
                                      spacing: PixelSpacing(row: 0.5, column: 0.25))
        for k in 0..<5 {
            let l = f.levels[k]
            // cell centre in input pixels: ((k + 0.5)·8, (2 + k%4 + 0.5)·8); image = input / 0.32 (y after − 16)
            let x = (Double(k) + 0.5) * 8 / 0.32, y = ((Double(2 + k % 4) + 0.5) * 8 - 16) / 0.32
            #expect(abs(l.x - x) < 1e-9 && abs(l.y - y) < 1e-9, "\(l.level)")
            #expect(abs(l.xMm! - x * 0.25) < 1e-9 && abs(l.yMm! - y * 0.5) < 1e-9)
            #expect(l.canalStenosisLabel == "moderate")
            #expect(l.listhesisLabel == "none")
            #expect(abs(l.pfirrmann.reduce(0, +) - 1) < 1e-12 && abs(l.pfirrmann[0] - 0.2) < 1e-12)
        }
        // softmax of (0, 1, 0)
        let e = 2.718281828459045
        #expect(abs(f.levels[0].canalStenosis[1] - e / (2 + e)) < 1e-9)
        #expect(f.levels.map(\.level) == ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"])
    }

    @Test func preparationLetterboxesAndNormalises() throws {
        // 4×2 image (left half white) into a 4×4 letterbox input: rows 1–2 hold it, rows 0 and 3 pad.
        let display = DisplayImage(width: 4, height: 2, pixels: [255, 255, 0, 0, 255, 255, 0, 0])
        var input = try cardFor("fracture").input
        input.width = 4; input.height = 4; input.channels = 3
        input.normalisation = .init(mean: [0.5, 0, 0], std: [0.25, 1, 0.5])
        let p = try InputPreparation.prepare(display: display, input: input)
        #expect(p.tensor.shape == [1, 3, 4, 4])
        let c0 = Array(p.tensor.floats[0..<16])
        #expect(c0 == [-2, -2, -2, -2, 2, 2, -2, -2, 2, 2, -2, -2, -2, -2, -2, -2])
        let c2 = Array(p.tensor.floats[32..<48])
        #expect(c2[4] == 2 && c2[0] == 0 && c2[6] == 0)
    }

    func cardFor(_ task: String) throws -> ModelCard {
        let r = ModelRegistry.discover(directories: [FindingsFixtures.models])
        return try r.model(named: "\(task)-synthetic").card
    }
}
