import TerminalUI

/// Where the study screen's parts go for a terminal size; shared by the view
/// and the reducer (which sizes image renders for the pane).
public enum StudyLayout {
    public static func body(for size: Size) -> Rect {
        let (_, rest) = Rect(size: size).takeTop(1)
        return rest.takeBottom(1).0
    }

    /// (image pane box, findings panel box)
    public static func panes(for size: Size, viewer: Bool = false) -> (image: Rect, findings: Rect) {
        let area = body(for: size)
        if viewer { return (area, Rect(x: area.maxX, y: area.y, width: 0, height: 0)) }
        // The findings column needs about 44 cells (label, AI value, reader value); wide
        // terminals give it more and the image the rest.
        let panelWidth = area.width >= 120 ? min(64, area.width * 2 / 5) : min(48, max(44, area.width * 9 / 20))
        let (image, panel) = area.takeRight(panelWidth)
        return (image, panel)
    }

    /// The cells inside the image box.
    public static func imageCells(for size: Size, viewer: Bool = false) -> Rect {
        panes(for: size, viewer: viewer).image.inset(by: 1)
    }
}
