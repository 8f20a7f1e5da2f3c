import ArgumentParser
import Foundation
import Imaging
import TerminalUI

/// `lightbox image show FILE`: prints an image to the terminal once (no interaction):
/// truecolor or 256-colour half-blocks, sixel or kitty. The full-screen viewer is `lightbox view`.
struct ImageShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an image to the terminal (half-blocks, 256 colours, sixel or kitty)."
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable { case halfblock, grey256, sixel, kitty }

    @Argument(help: "A PNG or DICOM file.") var file: String
    @Option(help: "Columns to use (default: $COLUMNS or 80).") var columns: Int?
    @Option(help: "Rows to use (default: $LINES − 2 or 40).") var rows: Int?
    @Option(help: "halfblock (24-bit), grey256, sixel or kitty.") var graphics: Mode = .halfblock
    @Option(help: "Window centre (modality units); default from the file.") var center: Double?
    @Option(help: "Window width; default from the file.") var width: Double?
    @Option(help: "Frame index (0-based).") var frame = 0
    @Option(help: "Cell size in screen pixels as WxH, for sixel and kitty.") var cell = "10x20"
    @Flag(help: "Invert grey levels.") var invert = false

    func run() throws {
        try reportingErrors {
            let image = try ImageFiles.load(file).buffer
            let env = ProcessInfo.processInfo.environment
            let paneColumns = columns ?? env["COLUMNS"].flatMap(Int.init) ?? 80
            let paneRows = rows ?? env["LINES"].flatMap(Int.init).map { $0 - 2 } ?? 40
            let cellSize = cell.split(separator: "x").compactMap { Double($0) }
            guard cellSize.count == 2, cellSize[0] > 0, cellSize[1] > 0 else {
                throw ImportError(coordinates: "--cell", problem: "expected WxH in pixels, got \(cell)")
            }
            let pixelMode = graphics == .sixel || graphics == .kitty
            let fit = PaneFit.fit(imageColumns: image.columns, imageRows: image.rows, spacing: image.pixelSpacing,
                                  paneColumns: max(1, paneColumns), paneRows: max(1, paneRows),
                                  cellWidth: cellSize[0], cellHeight: cellSize[1],
                                  pixelsPerCell: pixelMode ? (Int(cellSize[0]), Int(cellSize[1])) : (1, 2))
            let resampled = try image.resampled(frame: frame, width: fit.pixelWidth, height: fit.pixelHeight)
            var window = image.defaultWindow(frame: frame)
            if let center { window.center = center }
            if let width { window.width = width }
            let shown = (center == nil && width == nil && image.windows.isEmpty && !image.voiTables.isEmpty)
                ? resampled.display(voiTable: image.voiTables[0], invert: invert)
                : resampled.display(window: window, invert: invert)
            var out: [UInt8] = []
            switch graphics {
            case .sixel: out = SixelEncoder().encode(shown.grey)
            case .kitty: out = KittyEncoder().transmitAndPlace(shown.grey, columns: fit.columns, rows: fit.rows, imageID: 1)
            case .halfblock, .grey256:
                for cellRow in 0..<fit.rows {
                    var line = ""
                    for x in 0..<fit.columns {
                        let top = shown[x, 2 * cellRow], bottom = shown[x, 2 * cellRow + 1]
                        if graphics == .halfblock {
                            line += "\u{1B}[38;2;\(top);\(top);\(top)m\u{1B}[48;2;\(bottom);\(bottom);\(bottom)m▀"
                        } else {
                            line += "\u{1B}[38;5;\(Color.greyRampIndex(top))m\u{1B}[48;5;\(Color.greyRampIndex(bottom))m▀"
                        }
                    }
                    out += Array((line + "\u{1B}[0m\n").utf8)
                }
            }
            FileHandle.standardOutput.write(Data(out))
            if pixelMode { print("") }
        }
    }
}
