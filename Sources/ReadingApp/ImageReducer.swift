import TerminalUI

/// Image-pane keys: window presets and free window, zoom, pan, invert. Each
/// change asks for a new render sized for the pane.
enum ImageReducer {
    static func reduce(_ state: inout AppState, _ action: AppAction) -> [AppEffect] {
        guard var s = state.study else { return [] }
        switch action {
        case .cycleWindow(let step):
            s.view.preset += step
            s.view.customWindow = nil
        case .adjustWindow(let factor, let shift):
            guard let current = s.view.customWindow ?? s.rendered?.window else { return [] }
            s.view.customWindow = WindowValues(center: current.center + shift * current.width,
                                               width: current.width * factor)
        case .zoom(let factor):
            s.view.zoom = min(ImageViewSettings.maxZoom, max(1, s.view.zoom * factor))
        case .pan(let dx, let dy):
            guard s.view.zoom > 1 else { return [] }
            let half = 0.5 / s.view.zoom
            s.view.centerX = min(1 - half, max(half, s.view.centerX + dx / s.view.zoom))
            s.view.centerY = min(1 - half, max(half, s.view.centerY + dy / s.view.zoom))
        case .fitImage:
            s.view.zoom = 1
            s.view.centerX = 0.5
            s.view.centerY = 0.5
        case .toggleInvert:
            s.view.invert.toggle()
        case .toggleHeatMap:
            guard s.ai != .hidden, state.mayShow(.aiFindings, study: s.study.id) else { return [] }
            s.showHeatMap.toggle()
            if s.showHeatMap, state.graphics != .halfblock {
                state.message = "The heat map is drawn in half-block mode (start with --graphics halfblock)"
                state.messageIsError = false
            }
        default:
            return []
        }
        state.study = s
        return render(&state)
    }

    /// A render of the current image for the pane, or nothing when there is none.
    static func render(_ state: inout AppState) -> [AppEffect] {
        guard var s = state.study, s.study.images.indices.contains(s.imageIndex) else { return [] }
        let cells = StudyLayout.imageCells(for: state.terminalSize, viewer: state.viewer)
        let pane = GraphicsPane(mode: state.graphics, cellPixels: state.cellPixels)
        let canvas = pane.canvasSize(for: cells, screenRows: state.terminalSize.height)
        guard canvas.width > 0, canvas.height > 0 else { return [] }
        s.renderGeneration += 1
        state.study = s
        let image = s.study.images[s.imageIndex]
        var request = RenderRequest(studyId: s.study.id, index: s.imageIndex, path: image.path,
                                    modality: s.study.manifest.modality, canvas: canvas, graphics: state.graphics,
                                    cellPixels: state.cellPixels, settings: s.view, generation: s.renderGeneration)
        let series = s.study.manifest.series[image.seriesIndex]
        request.seriesSpacing = series.pixelSpacing
        if let c = series.windowCenter, let w = series.windowWidth { request.seriesWindow = WindowValues(center: c, width: w) }
        if s.showHeatMap, state.graphics == .halfblock, state.mayShow(.aiFindings, study: s.study.id), case .ready(let ai) = s.ai {
            request.overlay = ai.heatMaps[s.imageIndex]
        }
        return [.renderImage(request)]
    }
}
