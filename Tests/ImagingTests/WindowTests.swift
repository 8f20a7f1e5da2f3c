import Foundation
import Testing
@testable import Imaging

@Suite struct WindowTests {
    /// PS3.3 C.11.2.1.2.1 worked through by hand for c = 2048, w = 4096.
    @Test func linearFollowsTheStandard() {
        let w = VOIWindow(center: 2048, width: 4096, function: .linear)
        #expect(w.apply(2047.5 - 2047.5) == 0)       // x ≤ c − 0.5 − (w−1)/2 = 0
        #expect(w.apply(4095) == 255)                // x > c − 0.5 + (w−1)/2 = 4095 is false; formula gives 255
        #expect(w.apply(4096) == 255)
        #expect(abs(w.apply(2047.5) - 127.5) < 1e-9) // centre of the ramp
        // w = 1 is a threshold at c − 0.5.
        let t = VOIWindow(center: 10, width: 1, function: .linear)
        #expect(t.apply(9.5) == 0 && t.apply(9.6) == 255)
    }

    @Test func linearExactAndSigmoid() {
        let e = VOIWindow(center: 0, width: 100, function: .linearExact)
        #expect(e.apply(-50) == 0 && e.apply(50) == 255 && e.apply(0) == 127.5 && e.apply(25) == 191.25)
        let s = VOIWindow(center: 0, width: 100, function: .sigmoid)
        #expect(s.apply(0) == 127.5)
        #expect(abs(s.apply(25) - 255 / (1 + exp(-1.0))) < 1e-9)
    }

    @Test func displayAppliesRescaleWindowAndMonochrome1() throws {
        // stored 0...3, slope 10, intercept −5 → −5, 5, 15, 25; window exact c=10 w=20 → 0, 63.75, 191.25, 255
        let buffer = PixelBuffer(rows: 1, columns: 4, bitsAllocated: 16, bitsStored: 12, values: [0, 1, 2, 3],
                                 rescaleSlope: 10, rescaleIntercept: -5,
                                 windows: [WindowSetting(center: 10, width: 20)], voiFunction: .linearExact)
        #expect(try buffer.display().pixels == [0, 64, 191, 255])
        var mono1 = buffer
        mono1.photometric = .monochrome1
        #expect(try mono1.display().pixels == [255, 191, 64, 0])
        #expect(try mono1.display(invert: true).pixels == [0, 64, 191, 255])
        #expect(throws: ImagingError.self) { try buffer.display(frame: 1) }
    }

    @Test func defaultWindowCoversTheRange() throws {
        let buffer = PixelBuffer(rows: 2, columns: 2, bitsAllocated: 16, bitsStored: 16, isSigned: true, values: [-1000, 0, 1000, 3000])
        let pixels = try buffer.display().pixels
        #expect(pixels.first == 0 && pixels.last == 255)
        #expect(pixels[1] == 64)  // (0 − 1000)/4000 + 0.5 = 0.25 → 63.75
    }
}

extension WindowTests {
    /// The branch-free form agrees with the standard's piecewise formula everywhere.
    @Test func linearCoefficientsMatchThePiecewiseFormula() throws {
        for (c, w, f) in [(40.0, 400.0, VOIFunction.linear), (2048, 4096, .linear), (0.5, 2, .linear), (-600, 1500, .linearExact), (7, 0.5, .linearExact)] {
            let window = VOIWindow(center: c, width: w, function: f)
            let (a, b) = try #require(window.linearCoefficients)
            for x in stride(from: c - w, through: c + w, by: w / 97) {
                #expect(abs(max(0, min(255, a * x + b)) - window.apply(x)) < 1e-9, "\(f) c=\(c) w=\(w) x=\(x)")
            }
        }
        #expect(VOIWindow(center: 0, width: 1, function: .linear).linearCoefficients == nil)
        #expect(VOIWindow(center: 0, width: 10, function: .sigmoid).linearCoefficients == nil)
    }
}
