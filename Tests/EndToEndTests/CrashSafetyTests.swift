import Common
import Foundation
import Ledger
import ReaderStudy
import TestSupport
import Testing

/// Kills the reading room with SIGKILL at seeded random moments of a scripted
/// read, restarts it, and checks after every kill: the database passes
/// `PRAGMA integrity_check`, the audit chain is intact, every read signed
/// before is still there unchanged (same digest), and no read is half-signed.
/// 20 kills in `make test`; `LIGHTBOX_SLOW=1` (make test-slow) does 500.
@Suite(.serialized) struct CrashSafetyTests {
    @Test func signedReadsSurviveSIGKILL() throws {
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let bin = try #require(LightboxBinary.path)
        let root = SharedReference.packageRoot.path
        let dir = TempDirectory()
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let kills = ProcessInfo.processInfo.environment["LIGHTBOX_SLOW"] == "1" ? 500 : 20
        var rng = SplitMix64(seed: 20261128)
        var signedBefore: [Int64: String] = [:]
        var survived = 0
        for round in 0..<kills {
            let tmux = try TmuxSession(command: "'\(bin)' --library '\(root)/SampleStudies' --db '\(db)' --reader crash --graphics halfblock",
                                       width: 100, height: 30, environment: LightboxBinary.actingAs("crash"))
            defer { tmux.kill() }
            try tmux.waitFor("Lightbox ·")
            // A read: open, override the first finding, sign (S twice: another finding may be pending) — killed somewhere inside it.
            let steps: [[String]] = [["Enter"], ["o"], ["2"], ["Enter"], ["Enter"], ["S"], ["S"], ["Enter"], ["a"], ["S"], ["S"]]
            let cut = Int(rng.next() % UInt64(steps.count + 1))
            for step in steps.prefix(cut) {
                try tmux.send(step[0])
                usleep(UInt32(rng.next() % 40_000))
            }
            let pids = try Shell.run("pgrep", ["-f", "--", "--db \(db) --reader crash"]).stdout
                .split(separator: "\n").compactMap { Int32($0) }
            #expect(!pids.isEmpty, "round \(round): lightbox was not running when it was to be killed")
            for pid in pids { kill(pid, SIGKILL) }
            tmux.kill()

            let check = try Shell.run("sqlite3", [db, "PRAGMA integrity_check"]).stdout
            #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "round \(round): \(check)")
            let ledger = try LedgerStore(path: db)
            #expect(try ledger.verifyChain().isIntact, "round \(round): audit chain broken")
            let signed = try ledger.signedReads(reader: "crash")
            var now: [Int64: String] = [:]
            for r in signed { now[r.readID] = r.digest }
            for (id, digest) in signedBefore {
                #expect(now[id] == digest, "round \(round): signed read \(id) lost or changed")
            }
            // No half-signed read: every read marked signed has its signed_reads row and vice versa.
            for read in try ledger.reads(reader: "crash") where read.status == .signed {
                #expect(now[read.id] != nil, "round \(round): read \(read.id) is marked signed without its signed read")
            }
            signedBefore = now
            survived += 1
        }
        #expect(survived == kills)
        // Reads interrupted by a kill and resumed later: the time between the kill and the
        // reopening is never counted. Per run of the program (app session) only the span of
        // its own monotonic clock can count, so the total is at most the sum of those spans.
        let ledger = try LedgerStore(path: db, readOnly: true)
        var resumed = 0
        for read in try ledger.reads(reader: "crash") {
            // A read's timed span ends at its sign; once all 24 studies are signed (the long
            // run gets there) later rounds reopen signed studies, which logs views, not reading.
            let all = try ledger.events(read: read.id).map(\.event)
            let events = all.firstIndex { $0.kind == .signed }.map { Array(all[...$0]) } ?? all
            let bySession = Dictionary(grouping: events, by: \.appSession)
            guard bySession.count > 1 else { continue }
            resumed += 1
            let timing = try TimingRules.standard.measure(events)
            let spans = bySession.values.reduce(UInt64(0)) { sum, evs in
                let t = evs.map(\.monotonicNanos)
                return sum + (t.max()! - t.min()!)
            }
            #expect(timing.totalNanos <= spans, "read \(read.id): \(timing.totalNanos) ns counted, runs span \(spans) ns")
            #expect(timing.interruptions >= bySession.count - 1)
        }
        #expect(resumed > 0, "no read was interrupted and resumed: the kill points never hit a read in progress")
        print("crash safety: \(kills) SIGKILLs survived, \(signedBefore.count) signed reads intact, \(resumed) interrupted reads timed without their crash gaps")
    }
}
