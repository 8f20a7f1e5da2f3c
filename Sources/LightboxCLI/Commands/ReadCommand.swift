import ArgumentParser
import Common
import Findings
import Foundation
import Imaging
import Ledger
import ReaderStudy
import NCursesBackend
import ReadingApp
import TerminalUI

extension GraphicsMode: ExpressibleByArgument {}
import Worklist

/// `lightbox read` (the default command): the reading room.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reading room: the study queue, images, findings, accept / override, sign.",
        discussion: """
        Keys: ↑↓ or j/k move, Enter opens, Tab next finding, a accept, o override, c confidence, \
        S sign and open the next study, Esc back to the queue, ? help, q quit. \
        Every step is written to the ledger at once; drafts resume where you left off.
        """)

    static let defaultLibrary = "SampleStudies"

    @Option(name: .long, help: "The study library folder (with --experiment: the experiment's own library unless given).")
    var library: String = ReadCommand.defaultLibrary

    @Option(name: .long, help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).")
    var db: String?

    @Option(name: .long, help: "Your reader id: with --experiment, an id the coordinator mapped to your OS account (default: the one mapped to it); otherwise your login name, the default.")
    var reader: String?

    @Option(name: .long, help: "Colour theme: dark, light, high-contrast, colorblind, dim, or a .toml file.")
    var theme: String = Theme.defaultName

    @Option(name: .long, help: "Image drawing: auto (ask the terminal), halfblock, kitty or sixel.")
    var graphics: GraphicsMode = .auto

    @Option(name: .long, help: "A folder of model folders (model.onnx + card.json) to use before the installed ones.")
    var models: String?

    @Option(name: .long, help: "Read your current session of this reader study (arms, order and washout as assigned).")
    var experiment: String?

    @Flag(name: .customLong("prefetch-ai"), help: "Run the models on every queued study in the background, so the queue's AI flags (and sort by flag) fill in before you open them.")
    var prefetchAI = false

    func run() throws {
        let (state, env, theme, entries) = try reportingErrors { () -> (AppState, AppEnvironment, Theme, [LibraryEntry]) in
            let theme = try ThemeLoader.load(self.theme, environment: DataPaths.environment)
            let account = OSAccount.current()
            let renderer = ImageRenderer()
            let registry = try ModelsSearch.registry(explicit: models.map { [$0] } ?? [])
            let keys = try KeysFileLoader.load(environment: DataPaths.environment)
            let readerId: String
            var state: AppState
            let store: LedgerReadStore
            var entries: [LibraryEntry]
            let engine: FindingsEngine
            var readingSession: (experiment: String, session: Int)?
            if let experiment {
                let session = try ExperimentSession.open(name: experiment, reader: reader, account: account, db: db,
                                                         library: library == Self.defaultLibrary ? nil : library)
                // Every reader of the experiment is shown the results pinned in its ledger,
                // from the models it was prepared with, or reading stops here.
                engine = FindingsEngine(registry: registry, store: LedgerPinnedResults(ledger: session.context.ledger))
                try ExperimentModels.pinAndCheck(session.context, engine: engine, studies: session.allStudies)
                readerId = session.reader
                readingSession = (experiment, session.session.session)
                store = LedgerReadStore(ledger: session.context.ledger, experiment: experiment,
                                        session: session.session.session, arms: session.arms.mapValues(\.rawValue))
                entries = session.entries
                state = AppState(reader: readerId, libraryName: "\(experiment) session \(session.session.session)")
                state.blinding = .experiment(label: "\(experiment) s\(session.session.session)", arms: session.arms)
                state.ratingScale = session.context.design.ratingScale ?? .callWithConfidence
            } else {
                readerId = try ReaderBinding(account: account).reader(requested: reader)
                // The library first: a mistyped --library must not leave a new empty ledger behind;
                // nor may a mistyped --db folder be created (as practice and the experiment commands).
                entries = try StudyLibrary.load(root: library).entries
                let ledger = try LedgerStore(path: try ExperimentContext.ledgerPath(db))
                // A study's AI is computed once per ledger, not once per process.
                engine = FindingsEngine(registry: registry, store: LedgerPinnedResults(ledger: ledger))
                store = LedgerReadStore(ledger: ledger)
                state = AppState(reader: readerId, libraryName: (library as NSString).lastPathComponent)
                state.blinding = .clinical
            }
            state.prefetchFlags = prefetchAI
            state.keys = keys
            let appSessionID = UUID().uuidString
            let env = AppEnvironment(
                reader: readerId, store: store, clock: SystemReadClock(), appSession: appSessionID,
                renderImage: { try renderer.render($0) },
                runModels: { study in
                    try engine.run(study).map { AIResult($0, study: study) }
                })
            try TerminalRequirement.check("read")
            try store.ledger.recordAppSession(appSessionID, reader: readerId, osAccount: account,
                                              experiment: readingSession?.experiment, session: readingSession?.session)
            return (state, env, theme, entries)
        }
        let statuses = try reportingErrors { try env.store.statuses(reader: env.reader) }
        ReadingRoomSession.run(state: state, environment: env, theme: theme, graphics: graphics,
                               actions: [.libraryLoaded(entries, statuses: statuses)])
    }
}
