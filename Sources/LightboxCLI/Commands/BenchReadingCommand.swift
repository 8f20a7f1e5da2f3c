import ArgumentParser
import Common
import Foundation
import Imaging
import Ledger
import ReadingApp
import TerminalUI
import Worklist

/// `lightbox bench-reading`: replays a scripted key sequence on the reading
/// screen, with the real renderer, views and ledger but no terminal, and prints
/// keypress-to-frame times; then signs study after study and times sign → next
/// study's image on screen. Used by `make bench`; hidden from help.
struct BenchReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-reading",
        abstract: "Keypress-to-frame times of the reading screen on a scripted session (for make bench).",
        shouldDisplay: false)

    @Option(name: .long, help: "Study library to read (keys on the first study; signing moves through the others).")
    var library: String

    @Option(name: .long, help: "Screen size in cells, WxH.")
    var size: String = "200x60"

    @Option(name: .long, help: "How many times to replay the key script.")
    var rounds: Int = 20

    func run() throws {
        try reportingErrors {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 40, parts[1] >= 12 else {
                throw CLIError.badOption(name: "--size", value: size, expected: "WxH, at least 40x12")
            }
            let screen = Size(width: parts[0], height: parts[1])
            let lib = try StudyLibrary.load(root: library)
            guard !lib.studies.isEmpty else { throw CLIError.badOption(name: "--library", value: library, expected: "a library with a readable study") }
            let theme = try Theme.builtin(Theme.defaultName)
            let renderer = ImageRenderer()
            // A real ledger in a scratch file: signing is the durable write a reader waits for.
            let dbPath = NSTemporaryDirectory() + "lightbox-bench-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) } }
            let store = LedgerReadStore(ledger: try LedgerStore(path: dbPath))
            let env = AppEnvironment(reader: "bench", store: store, clock: SystemReadClock(), appSession: "bench",
                                     renderImage: { try renderer.render($0) }, runModels: { _ in nil }, background: false)
            let runner = EffectRunner(environment: env)
            let inbox = ActionInbox<AppAction>()
            var state = AppState(reader: "bench", libraryName: "bench")
            func apply(_ a: AppAction) {
                for e in AppReducer.reduce(&state, a) { runner.perform(e, inbox: inbox) }
                var more = inbox.drain()
                while !more.isEmpty {
                    for m in more { for e in AppReducer.reduce(&state, m) { runner.perform(e, inbox: inbox) } }
                    more = inbox.drain()
                }
            }
            apply(.resized(screen))
            apply(.libraryLoaded(lib.entries, statuses: [:]))
            // Opening a study: decode, resample and window the first image, then the first frame.
            let t0 = DispatchTime.now().uptimeNanoseconds
            apply(.openSelected)
            _ = AppView.render(state, size: screen, theme: theme)
            let openMs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            guard state.study?.rendered != nil else {
                throw CLIError.badOption(name: "--library", value: library, expected: "a study whose first image renders: \(state.study?.imageError ?? "")")
            }
            // The keys a radiologist presses most while reading.
            let script: [Key] = [.char("w"), .char("w"), .char("<"), .char(">"), .char("."), .char(","), .char("+"), .char("L"),
                                 .char("J"), .char("-"), .char("i"), .char("i"), .tab, .tab, .backTab, .char("0"), .char("W")]
            var times: [Double] = []
            var byKey: [String: [Double]] = [:]
            for _ in 0..<rounds {
                for key in script {
                    let start = DispatchTime.now().uptimeNanoseconds
                    if let a = KeyMap.action(for: .key(key), in: state) { apply(a) }
                    _ = AppView.render(state, size: screen, theme: theme)
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                    times.append(ms)
                    byKey["\(key)", default: []].append(ms)
                }
            }
            times.sort()
            func pct(_ p: Double) -> Double { times[min(times.count - 1, Int((p / 100 * Double(times.count - 1)).rounded()))] }
            let s = state.study!
            let img = s.study.images[s.imageIndex]
            let buffer = try ImageLoader.load(path: img.path)
            print("reading screen \(screen.width)x\(screen.height) cells, image \(buffer.columns)x\(buffer.rows) \(buffer.bitsStored)-bit, \(times.count) key presses")
            print(String(format: "keypress-to-frame p50 %.2f ms  p99 %.2f ms  max %.2f ms  (goal p99 <= 16 ms)", pct(50), pct(99), times.last ?? 0))
            // Where the tail comes from: the keys whose slowest press is slowest.
            let slowest = byKey.map { ($0.key, $0.value.max() ?? 0, $0.value.sorted()[$0.value.count / 2]) }.sorted { $0.1 > $1.1 }.prefix(3)
            print("slowest keys: " + slowest.map { String(format: "%@ max %.1f ms (median %.1f)", $0.0, $0.1, $0.2) }.joined(separator: ", "))
            print(String(format: "open-study-to-image %.1f ms (decode + resample + window + first frame)", openMs))
            // Sign → the next study's image on screen: the durable ledger write, then the next
            // study's decode, resample, window and first frame (what the reader waits for after S).
            var next: [Double] = []
            while let from = state.study?.study.id, lib.studies.count > next.count + 1 {
                // Findings left pending: the first S asks (not timed), the second signs.
                if (state.study?.pendingCount ?? 0) > 0 { apply(.sign) }
                let start = DispatchTime.now().uptimeNanoseconds
                apply(.sign)
                _ = AppView.render(state, size: screen, theme: theme)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                guard let to = state.study, to.study.id != from, to.rendered != nil else {
                    throw CLIError.badOption(name: "--library", value: library,
                                             expected: "studies that open after signing: \(state.message ?? state.study?.imageError ?? "")")
                }
                next.append(ms)
            }
            if next.isEmpty {
                print("next-study-to-image: not measured (the library has one study; make_reading_study.py writes several)")
            } else {
                let sorted = next.sorted()
                print(String(format: "next-study-to-image median %.1f ms  max %.1f ms over %d signs (durable sign + decode + resample + window + first frame)",
                             sorted[sorted.count / 2], sorted.last!, sorted.count))
            }
        }
    }
}
