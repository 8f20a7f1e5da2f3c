import Imaging
import Testing
@testable import Findings

/// Which window "default", "minmax" and a fixed window pick for a file with or without its own.
struct WindowChoiceTests {
    func buffer(windows: [WindowSetting]) -> PixelBuffer {
        PixelBuffer(rows: 1, columns: 4, bitsAllocated: 16, bitsStored: 12, values: [100, 200, 300, 1100], windows: windows)
    }

    @Test func defaultPrefersTheFilesWindowThenStudyJSONThenRange() throws {
        let declared = VOIWindow(center: 150, width: 100)
        // A DICOM-like file with its own window: nil lets display() use it.
        #expect(InputPreparation.window(for: buffer(windows: [WindowSetting(center: 600, width: 1000)]), declared: declared, card: .imageDefault) == nil)
        // A PNG (no window): the study.json window.
        #expect(InputPreparation.window(for: buffer(windows: []), declared: declared, card: .imageDefault) == declared)
        // Neither: display()'s own fallback, the frame's range.
        #expect(InputPreparation.window(for: buffer(windows: []), declared: nil, card: .imageDefault) == nil)
        let minMax = try #require(InputPreparation.window(for: buffer(windows: [WindowSetting(center: 0, width: 10)]), declared: declared, card: .minMax))
        #expect(minMax == .covering(min: 100, max: 1100))
        #expect(InputPreparation.window(for: buffer(windows: []), declared: declared, card: .fixed(center: 5, width: 7)) == VOIWindow(center: 5, width: 7))
    }

    @Test func declaredWindowChangesTheTensor() throws {
        var input = try ModelRegistry.discover(directories: [FindingsFixtures.models]).model(named: "fracture-synthetic").card.input
        input.width = 4; input.height = 1; input.window = .imageDefault
        input.normalisation = .init(mean: [0], std: [1])
        let b = buffer(windows: [])
        let study = try InputPreparation.prepare(buffer: b, declaredWindow: .init(center: 200, width: 201), input: input)
        let range = try InputPreparation.prepare(buffer: b, declaredWindow: nil, input: input)
        // LINEAR c 200 w 201 (PS3.3 C.11.2.1.2): ((x − 199.5)/200 + 0.5)·255 → 100 ↦ 0.64 ≈ 1, 200 ↦ 128.1 ≈ 128, ≥ 299.5 ↦ 255.
        #expect(study.tensor.floats.map { ($0 * 255).rounded() } == [1, 128, 255, 255])
        // Range window 100…1100: 200 → ~0.1.
        #expect(range.tensor.floats[1] < 0.15 && range.tensor.floats[3] == 1)
    }

    @Test func heatMapNormalises() {
        let m = HeatMap(width: 2, height: 1, values: [-4, 4], rect: ImageRect(x: 0, y: 0, width: 2, height: 1))
        #expect(m.normalised() == [0, 1])
        #expect(HeatMap(width: 1, height: 1, values: [3], rect: ImageRect(x: 0, y: 0, width: 1, height: 1)).normalised() == [0])
    }
}
