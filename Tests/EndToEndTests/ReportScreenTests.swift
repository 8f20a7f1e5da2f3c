import Foundation
import TestSupport
import Testing

/// The coordinator's report screen (`lightbox experiment report NAME --tui`) on
/// a simulated study: every page as golden text at 80×24 and 200×60 (rendered
/// without a terminal by the hidden `--screen-snapshot`), and once in a real
/// terminal through tmux, where it opens and `q` quits.
@Suite(.serialized) struct ReportScreenTests {
    static let now = ["LIGHTBOX_NOW": "2026-03-20T09:00:00Z"]

    /// 4 readers × 16 sample studies, crossover, seeded: the same reads on every machine.
    func simulatedStudy(_ dir: TempDirectory) throws -> String {
        let db = dir.file("ledger.sqlite")
        let library = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let r = try LightboxBinary.run(["simulate", "trial", "--readers", "4", "--cases", "16", "--library", library,
                                        "--seed", "7", "--db", db], environment: Self.now)
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func goldenScreensAt80x24And200x60() throws {
        _ = try #require(LightboxBinary.path, "build lightbox first")
        let dir = TempDirectory("lightbox-report-screen")
        defer { dir.remove() }
        let db = try simulatedStudy(dir)
        for (size, name) in [("80x24", "report-screen-80x24"), ("200x60", "report-screen-200x60")] {
            let r = try LightboxBinary.run(["experiment", "report", "trial", "--db", db, "--screen-snapshot", size, "--theme", "dark"],
                                           environment: Self.now)
            #expect(r.status == 0, "\(r.stderr)")
            // Every part of the report is on some page.
            for part in ["Accuracy per treatment", "MRMC ROC", "F(1, ", "Reading time", "pooled aided/unaided ratio",
                         "Automation bias", "ROC per arm", "AUC 0.", "Active reading time per reader", "r4 unaided"] {
                #expect(r.stdout.contains(part), "\(size): \(part) missing")
            }
            if let problem = Golden.check(r.stdout, name: name) { Issue.record(Comment(rawValue: problem)) }
        }
        // The text the screen shows is the text report, line for line.
        let text = try LightboxBinary.run(["experiment", "report", "trial", "--db", db], environment: Self.now)
        let wide = try LightboxBinary.run(["experiment", "report", "trial", "--db", db, "--screen-snapshot", "400x200"], environment: Self.now)
        let screenLines = wide.stdout.split(separator: "\n").dropFirst(2).prefix(text.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        for (shown, printed) in zip(screenLines, text.stdout.split(separator: "\n", omittingEmptySubsequences: false)) {
            #expect(shown.hasPrefix(" " + printed), "screen: \(shown)\ntext: \(printed)")
        }
    }

    @Test func opensInATerminalAndQuits() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let dir = TempDirectory("lightbox-report-tmux")
        defer { dir.remove() }
        let db = try simulatedStudy(dir)
        let tmux = try TmuxSession(command: "'\(bin)' experiment report trial --tui --db '\(db)'", width: 100, height: 30,
                                   environment: Self.now)
        defer { tmux.kill() }
        // The title can reach the pane before the body: wait for the body, then check the rest of that frame.
        let first = try tmux.waitFor("Accuracy per treatment")
        #expect(first.contains("report (coordinator)") && first.contains("q quit"), "\(first)")
        try tmux.send("End")
        // The table's heading may already show on the first page; its last row only after End.
        let last = try tmux.waitFor("r4 unaided")
        #expect(last.contains("Active reading time per reader"), "\(last)")
        try tmux.send("q")
        try tmux.waitFor("LIGHTBOX-EXITED-0")
    }
}
