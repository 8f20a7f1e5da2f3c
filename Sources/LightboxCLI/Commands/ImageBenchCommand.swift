import ArgumentParser
import DICOM
import Foundation
import Imaging
import TerminalUI

/// `lightbox image bench FILE`: times the steps the reading screen runs on an image.
struct ImageBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time decode, window and resample of an image (median of several runs, milliseconds)."
    )

    @Argument(help: "A PNG or DICOM file.") var file: String
    @Option(help: "Runs per step.") var runs = 9
    @Option(help: "Target width × height for the resample step, e.g. 400x240 (a 200×60-cell half-block pane is 200x120).")
    var size = "400x240"

    func run() throws {
        try reportingErrors {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw ImportError(coordinates: "--size", problem: "expected WIDTHxHEIGHT, got \(size)")
            }
            let bytes = try ImageFiles.bytes(file)
            func median(_ body: () throws -> Void) rethrows -> Double {
                var times: [Double] = []
                for _ in 0..<max(1, runs) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try body()
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                return times.sorted()[times.count / 2]
            }
            var buffer: PixelBuffer?
            let decode = try median { buffer = try ImageLoader.decode(bytes, file: file) }
            guard let image = buffer else { return }
            var shown: DisplayImage?
            let window = try median { shown = try image.display() }
            let resample = median { _ = shown!.resampled(width: parts[0], height: parts[1]) }
            let both = try median { _ = try image.display().resampled(width: parts[0], height: parts[1]) }
            var frame: ResampledFrame?
            let resampleValues = try median { frame = try image.resampled(width: parts[0], height: parts[1]) }
            let defaultWindow = image.defaultWindow()
            let rewindow = median { _ = frame!.display(window: defaultWindow) }
            let small = frame!.display(window: defaultWindow)
            let grey = small.grey
            let sixel = median { _ = SixelEncoder().encode(grey) }
            let kitty = median { _ = KittyEncoder().transmitAndPlace(grey, columns: parts[0] / 10, rows: parts[1] / 20, imageID: 1) }
            print(String(format: "decode %.2f ms  window %.2f ms  resample %.2f ms  window+resample %.2f ms  "
                            + "resample-values %.2f ms  rewindow %.3f ms  sixel %.2f ms  kitty %.2f ms  (%d×%d → %d×%d)",
                         decode, window, resample, both, resampleValues, rewindow, sixel, kitty,
                         image.columns, image.rows, parts[0], parts[1]))
        }
    }
}
