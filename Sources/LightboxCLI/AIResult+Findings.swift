import Findings
import ReadingApp
import TerminalUI

extension AIResult {
    /// What the reading screen shows of a study's findings: values by finding
    /// key, the detail lines, and each view's fracture CAM as an overlay.
    init(_ findings: StudyFindings) {
        var maps: [Int: ImageOverlay] = [:]
        for (i, result) in (findings.fracture?.perImage ?? []).enumerated() {
            guard let cam = result.cam else { continue }
            maps[i] = ImageOverlay(width: cam.width, height: cam.height, values: cam.normalised(),
                                   x: cam.rect.x, y: cam.rect.y, rectWidth: cam.rect.width, rectHeight: cam.rect.height)
        }
        self.init(values: findings.findingValues(), details: findings.detailLines(), models: findings.modelNames, heatMaps: maps,
                  flag: AIFlag(findings))
    }
}
