import Foundation
import TestSupport
import Testing

/// The installed (release) binary takes "now" from the system clock only:
/// LIGHTBOX_NOW, LIGHTBOX_TEST_ACCOUNT and any other variable set on it cannot
/// open a session before its washout or change who is reading (issue 16
/// item 3). `make test` builds it and passes its path as LIGHTBOX_RELEASE_BIN.
@Suite struct ReleaseClockTests {
    static let releaseBinary = ProcessInfo.processInfo.environment["LIGHTBOX_RELEASE_BIN"]
        .flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }

    @Test(.enabled(if: releaseBinary != nil,
                   "LIGHTBOX_RELEASE_BIN is not set to a built release lightbox: run `swift build -c release` and pass .build/release/lightbox (make test does)"))
    func environmentCannotOpenASessionEarlyOnTheReleaseBinary() throws {
        let release = try #require(Self.releaseBinary)
        let dir = TempDirectory("lightbox-release-clock")
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path
        let me = ScratchAccount.current
        // Session 1 signed by the real clock (simulate ends it a day before now): session 2 opens in 27 days.
        let create = try LightboxBinary.run(["experiment", "create", "rel", "--library", lib, "--readers", "\(me),bo",
                                             "--seed", "5", "--db", db])
        #expect(create.status == 0, "\(create.stderr)")
        let simulate = try LightboxBinary.run(["simulate", "rel", "--session", "1", "--seed", "3", "--db", db])
        #expect(simulate.status == 0, "\(simulate.stderr)")

        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(60 * 86_400))
        let moved = ["LIGHTBOX_NOW": later, "LIGHTBOX_TEST_ACCOUNT": "bo", "USER": "bo", "LOGNAME": "bo",
                     "TZ": "Pacific/Kiritimati", "FAKETIME": "+60d", "SOURCE_DATE_EPOCH": "1900000000"]

        let refused = try Shell.run(release, ["read", "--experiment", "rel", "--db", db], environment: moved)
        #expect(refused.status == 2)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(refused.stderr)")
        #expect(lines.contains("lightbox: warning: LIGHTBOX_NOW is ignored: a release build always uses the system clock"), "\(refused.stderr)")
        #expect(lines.contains("lightbox: warning: LIGHTBOX_TEST_ACCOUNT is ignored: a release build reads as the OS account that runs it"),
                "\(refused.stderr)")
        let washout = lines.last ?? ""
        #expect(washout.hasPrefix("lightbox: reader \(me), session 2: opens ") && washout.hasSuffix(" UTC after a 28-day washout"),
                "session 2 is refused with the washout line: \(refused.stderr)")

        // The account seam is ignored as well: bo's id stays bo's.
        let asBo = try Shell.run(release, ["read", "--experiment", "rel", "--reader", "bo", "--db", db], environment: moved)
        #expect(asBo.status == 2)
        #expect(asBo.stderr.hasSuffix("lightbox: reader bo: is bound to account bo, but lightbox is running as account \(me); "
                                      + "only bo can read as this reader\n"), "\(asBo.stderr)")

        // The coordinator's view on the release binary still shows the washout.
        let show = try Shell.run(release, ["experiment", "show", "rel", "--db", db], environment: ["LIGHTBOX_NOW": later])
        #expect(show.status == 0, "\(show.stderr)")
        let row = show.stdout.split(separator: "\n").first { $0.hasPrefix(me + " ") }.map(String.init) ?? ""
        #expect(row.contains(" done ") && row.contains(" opens "), "session 1 done, session 2 not yet open: \(show.stdout)")

        // Control: the same LIGHTBOX_NOW on the debug binary (the test seam) opens session 2,
        // so the release refusal above is the build's doing, not the date's.
        let debug = try LightboxBinary.run(["read", "--experiment", "rel", "--db", db], environment: ["LIGHTBOX_NOW": later])
        #expect(debug.status == 2)
        #expect(debug.stderr.hasPrefix("lightbox: read: needs a terminal") && !debug.stderr.contains("washout"), "\(debug.stderr)")
    }
}
