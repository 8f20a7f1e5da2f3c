import Foundation
import Imaging
import ReaderStudy
import Statistics

/// The report's PNG plots: ROC curves per treatment and reading-time
/// distributions per treatment and reader.
extension ExperimentReport {
    func writePlots(to folder: String, name: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw ExperimentCommandError.output(path: folder, problem: "cannot create the folder")
            }
        } else if !isDirectory.boolValue {
            throw ExperimentCommandError.output(path: folder, problem: "is a file, not a folder")
        }
        let colors = Dictionary(uniqueKeysWithValues: table.treatments.enumerated().map { ($1, PlotColor.series[$0 % PlotColor.series.count]) })
        var written: [String] = []

        var curves: [PlotSeries] = []
        var legend: [(String, PlotColor)] = []
        for series in rocSeries() {
            let color = colors[series.treatment] ?? .black
            if let reader = series.reader {
                curves.append(PlotSeries(label: reader, x: series.falsePositiveRate, y: series.truePositiveRate, color: color.lightened(0.6), thickness: 1))
            } else {
                curves.append(PlotSeries(label: series.treatment, x: series.falsePositiveRate, y: series.truePositiveRate, color: color, thickness: 3))
                legend.append(("\(series.treatment)" + (treatmentAUC(series.treatment).map { String(format: " AUC %.3f", $0) } ?? ""), color))
            }
        }
        // Thin reader curves first, pooled curves on top.
        curves.sort { $0.thickness < $1.thickness }
        let roc = ROCPlot.render(title: "\(name): ROC per arm (pooled; thin: readers)", curves: curves, legend: legend)
        written.append(try write(roc, folder: folder, file: "roc.png"))

        if let distributions = timeDistributions() {
            let columns = distributions.columns.map { entry -> TimeDistributionPlot.Column in
                let box = entry.box.map { [$0.lowerWhisker, $0.lowerQuartile, $0.median, $0.upperQuartile, $0.upperWhisker] }
                return TimeDistributionPlot.Column(group: entry.reader, values: entry.seconds, color: colors[entry.treatment] ?? .black, box: box)
            }
            let plot = TimeDistributionPlot.render(
                title: "\(name): active reading time per reader and arm", columns: columns,
                yTicks: distributions.ticks,
                legend: table.treatments.map { ($0, colors[$0] ?? .black) })
            written.append(try write(plot, folder: folder, file: "reading-time.png"))
        }
        return written
    }

    private func write(_ canvas: PlotCanvas, folder: String, file: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(file)
        try ExportFile.writeAtomically(try PNGCodec.encodeRGB8(width: canvas.width, height: canvas.height, samples: canvas.pixels), to: path)
        return path
    }
}
