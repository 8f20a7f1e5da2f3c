import ArgumentParser
import Common
import DICOM
import Foundation
import Imaging
import NCursesBackend
import ReadingApp
import TerminalUI
import Worklist

/// `lightbox view FILE`: one image full-screen with the reading screen's pane.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Show one DICOM or PNG image full-screen (window presets w, zoom + -, pan H J K L, invert i, q quits).")

    @Argument(help: "A DICOM or PNG file.")
    var file: String

    @Option(name: .long, help: "Window presets to offer: CR, DX, MR … (default: the DICOM file's Modality, else CR).")
    var modality: String?

    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, colorblind, dim, or a .toml file.")
    var theme: String = Theme.defaultName

    @Option(name: .long, help: "Image drawing: auto (ask the terminal), halfblock, kitty or sixel.")
    var graphics: GraphicsMode = .auto

    func run() throws {
        let (theme, study) = try reportingErrors { () -> (Theme, Study) in
            // Decode once up front so a bad file fails here, with its message, not inside the screen.
            _ = try ImageLoader.load(path: file)
            let name = (file as NSString).lastPathComponent
            let manifest = StudyManifest(id: name, kind: .extremity, modality: (modality ?? Self.fileModality(file) ?? "CR").uppercased(), bodyPart: "",
                                         patient: .init(pseudoId: "", sex: .other, ageMonths: 0),
                                         series: [.init(id: "1", view: name, images: [file])])
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            let theme = try ThemeLoader.load(self.theme, environment: DataPaths.environment)
            try TerminalRequirement.check("view")
            return (theme,
                    Study(folder: (path as NSString).deletingLastPathComponent, manifest: manifest,
                          images: [Study.Image(seriesIndex: 0, seriesId: "1", view: name, path: path)]))
        }
        let renderer = ImageRenderer()
        let env = AppEnvironment(reader: "", store: InMemoryReadStore(), clock: SystemReadClock(), appSession: UUID().uuidString,
                                 renderImage: { try renderer.render($0) }, runModels: { _ in nil })
        var state = AppState(reader: "", libraryName: "")
        state.viewer = true
        ReadingRoomSession.run(state: state, environment: env, theme: theme, graphics: graphics,
                               actions: [.libraryLoaded([.study(study)], statuses: [:]), .openSelected])
    }

    /// An MR file should get the MR presets (T2 fluid, disc and cord) without being told.
    static func fileModality(_ file: String) -> String? {
        guard let bytes = try? ImageFiles.bytes(file), let dicom = try? DICOMReader.read(bytes, file: file) else { return nil }
        return dicom.dataSet.string(.modality).flatMap { $0.isEmpty ? nil : $0 }
    }
}
