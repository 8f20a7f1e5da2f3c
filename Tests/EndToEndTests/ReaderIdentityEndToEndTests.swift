import Foundation
import Ledger
import TestSupport
import Testing

/// Readers are bound to the OS account that runs lightbox (issue 16 item 3):
/// `--reader` only names an id the experiment maps to that account, `$USER`
/// does not count, and the ledger records the account of each app session.
@Suite(.serialized) struct ReaderIdentityEndToEndTests {
    let lib = SharedReference.packageRoot.appendingPathComponent("SampleStudies").path

    func create(_ name: String, readers: String, db: String) throws {
        let r = try LightboxBinary.run(["experiment", "create", name, "--library", lib, "--readers", readers,
                                        "--cases", "4", "--seed", "5", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// A second real login, made for the test: it cannot read as the reader
    /// mapped to root, root cannot read as its reader, and its own session is
    /// recorded under its account name.
    @Test(.enabled(if: ScratchAccount.canCreate, "creating a second OS account needs root with useradd and setpriv (CI runs as root); readingAsSomeoneElseIsRefusedThroughTheTestSeam covers the rule otherwise"))
    func aReaderMappedToAnotherAccountIsRefused() throws {
        let bin = try #require(LightboxBinary.path)
        let account = try ScratchAccount()
        defer { account.remove() }
        let me = ScratchAccount.current
        let dir = TempDirectory("lightbox-identity")
        defer { dir.remove() }
        chmod(dir.path, 0o777)   // the second account writes the ledger and its WAL here
        let db = dir.file("ledger.sqlite")
        try create("id", readers: "amy=\(me),bo=\(account.name)", db: db)
        chmod(db, 0o666)
        // $USER and $LOGNAME name root's reader: they are not who runs lightbox.
        let home = dir.file("home")
        let env = ["USER": me, "LOGNAME": me, "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data"]

        let asOther = try account.run(bin, ["read", "--experiment", "id", "--reader", "amy", "--db", db], environment: env)
        #expect(asOther.status == 2)
        #expect(asOther.stderr == "lightbox: reader amy: is bound to account \(me), but lightbox is running as account \(account.name); "
                + "only \(me) can read as this reader\n", "\(asOther.stderr)")
        let asRoot = try LightboxBinary.run(["read", "--experiment", "id", "--reader", "bo", "--db", db])
        #expect(asRoot.status == 2)
        #expect(asRoot.stderr == "lightbox: reader bo: is bound to account \(account.name), but lightbox is running as account \(me); "
                + "only \(account.name) can read as this reader\n", "\(asRoot.stderr)")

        // Without --reader the second account reads as its own reader, in a real terminal.
        #expect(TmuxSession.isAvailable, "tmux is required (make test installs it)")
        let command = account.prefix.map { "'\($0)'" }.joined(separator: " ")
            + " '\(bin)' read --experiment id --db '\(db)' --graphics halfblock"
        do {
            let tmux = try TmuxSession(command: command, width: 120, height: 30, environment: env)
            defer { tmux.kill() }
            try tmux.waitFor("id session 1")
            try tmux.send("q")
            try tmux.waitFor("LIGHTBOX-EXITED-0")
        }
        let sessions = try LedgerStore(path: db, readOnly: true).appSessions()
        #expect(sessions.count == 1)
        #expect(sessions.first.map { [$0.reader, $0.osAccount, $0.experiment ?? "-", String($0.session ?? 0)] }
                == ["bo", account.name, "id", "1"])
    }

    /// The same rule through the debug binary's account seam, which works
    /// without root; and `$USER` never chooses the account.
    @Test func readingAsSomeoneElseIsRefusedThroughTheTestSeam() throws {
        let dir = TempDirectory("lightbox-identity-seam")
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        try create("x", readers: "amy=alice,bo=bob", db: db)
        let show = try LightboxBinary.run(["experiment", "show", "x", "--db", db])
        #expect(show.stdout.contains("\naccounts amy=alice, bo=bob\n"), "\(show.stdout)")

        let other = try LightboxBinary.run(["read", "--experiment", "x", "--reader", "amy", "--db", db], environment: LightboxBinary.actingAs("bob"))
        #expect(other.status == 2)
        #expect(other.stderr == "lightbox: reader amy: is bound to account alice, but lightbox is running as account bob; "
                + "only alice can read as this reader\n", "\(other.stderr)")
        // bob without --reader is reader bo: past the identity and washout checks, the terminal is what is missing.
        let own = try LightboxBinary.run(["read", "--experiment", "x", "--db", db], environment: LightboxBinary.actingAs("bob"))
        #expect(own.status == 2)
        #expect(own.stderr.hasPrefix("lightbox: read: needs a terminal"), "\(own.stderr)")
        let stranger = try LightboxBinary.run(["read", "--experiment", "x", "--db", db], environment: LightboxBinary.actingAs("mallory"))
        #expect(stranger.stderr == "lightbox: account mallory: is not mapped to a reader of experiment x "
                + "(the coordinator maps reader ids to accounts at experiment create)\n", "\(stranger.stderr)")

        // $USER and $LOGNAME are anyone's to set: outside an experiment the id is still the login name.
        let me = ScratchAccount.current
        let spoof = ["USER": "amy", "LOGNAME": "amy"]
        for command in [["read", "--library", lib], ["practice", "--library", lib]] {
            let r = try LightboxBinary.run(command + ["--reader", "amy", "--db", db], environment: spoof)
            #expect(r.status == 2)
            #expect(r.stderr == "lightbox: reader amy: is bound to account amy, but lightbox is running as account \(me); "
                    + "only amy can read as this reader\n", "\(command[0]): \(r.stderr)")
        }
    }

    @Test func aMalformedMappingIsOneLine() throws {
        let dir = TempDirectory("lightbox-identity-bad")
        defer { dir.remove() }
        let db = dir.file("ledger.sqlite")
        let shared = try LightboxBinary.run(["experiment", "create", "x", "--library", lib, "--readers", "amy=alice,bo=alice", "--db", db])
        #expect(shared.status == 2)
        #expect(shared.stderr == "lightbox: experiment.accounts: account alice is mapped to readers amy and bo; each reader needs their own account\n",
                "\(shared.stderr)")
        let empty = try LightboxBinary.run(["experiment", "create", "x", "--library", lib, "--readers", "amy=,bo", "--db", db])
        #expect(empty.stderr == "lightbox: experiment.readers: \"amy=\" is not READER or READER=ACCOUNT (e.g. amy=alice)\n", "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "a refused design stores nothing")
    }
}
