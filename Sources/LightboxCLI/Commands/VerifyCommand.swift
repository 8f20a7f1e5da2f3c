import ArgumentParser
import Foundation
import Ledger

/// `lightbox verify`: recomputes the ledger's audit chain without writing to
/// the file, so it can run on archived (read-only) evidence.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the ledger's record of reads was not edited.",
        discussion: """
            Recomputes the SHA-256 chain that links every event to the one before it, and \
            checks every signed read against the digest its 'signed' event carries. Prints \
            OK with the number of events and the chain head, or names the first event that \
            was edited, removed or inserted. The file is opened read-only and never changed.

            Anyone who can write the file could rebuild the whole chain with fresh hashes. \
            Keep the printed head with your study records (say, at the end of each session) \
            and pass it later as --anchor: the chain must still contain it, which proves \
            that nothing up to that point changed.

            Exit status: 0 when the chain is intact, 2 when it is broken or the file \
            cannot be read.
            """)

    @Option(name: .long, help: ArgumentHelp(
        "The ledger file.",
        discussion: "Default: $XDG_DATA_HOME/lightbox/ledger.sqlite, else ~/.local/share/lightbox/ledger.sqlite.",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "A chain head printed by an earlier verify; it must still be in the chain.", valueName: "hash"))
    var anchor: String?

    func run() throws {
        try reportingErrors {
            let path = db ?? LedgerStore.defaultPath(environment: ProcessInfo.processInfo.environment)
            let store = try LedgerStore(path: path, readOnly: true)
            let report = try store.verifyChain()
            if let problem = report.problem { throw LedgerError.chainBroken(path: path, problem: problem) }
            if let anchor, try store.eventID(hash: anchor.lowercased()) == nil {
                throw LedgerError.chainBroken(path: path, problem: .anchorMissing(hash: anchor))
            }
            print("OK: \(report.eventCount) events, \(report.signedReadCount) signed reads, chain head \(report.headHash)")
        }
    }
}
