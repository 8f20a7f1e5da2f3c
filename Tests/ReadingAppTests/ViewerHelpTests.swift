import ReadingApp
import TerminalUI
import Testing

/// QA 4i: `lightbox view`'s `?` lists the viewer's keys, not the reading room's.
@Suite struct ViewerHelpTests {
    func screen(viewer: Bool) -> String {
        var s = Fixtures.loadedState()
        s.viewer = viewer
        _ = AppReducer.reduce(&s, .openSelected)
        _ = AppReducer.reduce(&s, .toggleHelp)
        return AppView.render(s, size: Size(width: 80, height: 24), theme: try! Theme.builtin("dark")).lines.joined(separator: "\n")
    }

    @Test func viewerHelpHasOnlyImageKeys() {
        let text = screen(viewer: true)
        #expect(text.contains("next / previous window preset") && text.contains("zoom in / out"))
        #expect(text.contains("invert grey scale") && text.contains("quit the viewer"))
        for readingRoom in ["accept", "override", "sign", "queue", "confidence", "heat map"] {
            #expect(!text.contains(readingRoom), "the viewer's help mentions \(readingRoom)")
        }
        // The reading room's help is unchanged.
        #expect(screen(viewer: false).contains("accept the AI value"))
    }
}
