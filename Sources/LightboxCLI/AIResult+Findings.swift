import Findings
import Ledger
import ReadingApp
import TerminalUI
import Worklist
import Foundation

extension AIResult {
    /// What the reading screen shows of a study's findings: values by finding
    /// key, the detail lines, and each view's fracture CAM as an overlay.
    init(_ findings: StudyFindings, study: Study) {
        var maps: [Int: ImageOverlay] = [:]
        for (i, result) in (findings.fracture?.perImage ?? []).enumerated() {
            guard let cam = result.cam else { continue }
            maps[i] = ImageOverlay(width: cam.width, height: cam.height, values: cam.normalised(),
                                   x: cam.rect.x, y: cam.rect.y, rectWidth: cam.rect.width, rectHeight: cam.rect.height)
        }
        var views: [String: String] = [:]
        for image in study.images {
            guard let view = image.view, !view.isEmpty else { continue }
            views[Self.name(image.path, in: study)] = view
        }
        self.init(values: findings.findingValues(), details: findings.detailLines(viewNames: views, levelPositions: false),
                  models: findings.modelNames, heatMaps: maps, flag: AIFlag(findings))
        pinned = findings.models.compactMap { m in
            guard let id = m.resultID, let sha = m.resultSHA256 else { return nil }
            return AIResultReference(id: id, sha256: sha)
        }
        // Spine level centres, found on the middle sagittal slice, for the image pane's markers:
        // on every slice of that series (same geometry, neighbouring slices), not on other series.
        if let spine = findings.spine,
           let read = study.images.first(where: { Self.name($0.path, in: study) == spine.image }) {
            for (i, image) in study.images.enumerated() where image.seriesIndex == read.seriesIndex {
                markers[i] = spine.levels.map { ImageMarker(label: $0.level, x: $0.x, y: $0.y) }
            }
        }
    }

    /// An image's path inside its study folder, as the findings name it.
    private static func name(_ path: String, in study: Study) -> String {
        let root = study.folder.hasSuffix("/") ? study.folder : study.folder + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : (path as NSString).lastPathComponent
    }
}
