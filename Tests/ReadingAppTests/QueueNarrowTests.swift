import ReadingApp
import TerminalUI
import Testing
import Worklist

/// QA 4d: at 80 columns the phantom ids (long shared prefix) stay distinguishable,
/// and the title and a broken study's problem are not cut off.
@Suite struct QueueNarrowTests {
    @Test func longIdsKeepTheirTailsAndTheTitleFits() throws {
        let ids = ["ph-extremity-0c9e212d6688362c", "ph-extremity-48dc35f022d08c25", "ph-extremity-4fd747c4c1c82713"]
        var entries = ids.map { LibraryEntry.study(Fixtures.study($0, kind: .extremity)) }
        entries.append(Fixtures.entries[2])   // the broken folder
        var s = AppState(reader: "dr.a", libraryName: "SampleStudies")
        _ = AppReducer.reduce(&s, .libraryLoaded(entries, statuses: [:]))
        let lines = AppView.render(s, size: Size(width: 80, height: 24), theme: try Theme.builtin("dark")).lines
        #expect(lines[0].contains("4 studies: 3 unread, 0 open, 0 signed, 1 broken"), "\(lines[0])")
        for id in ids {
            #expect(lines.contains { $0.contains(String(id.suffix(9))) }, "the tail of \(id) shows")
        }
        let broken = try #require(lines.first { $0.contains("broken") && !$0.contains("studies") })
        #expect(broken.contains("not valid JSON"), "\(broken)")
    }
}
