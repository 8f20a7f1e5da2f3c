import ArgumentParser
import Findings
import Foundation
import Ledger
import ReaderStudy
import ReadingApp
import TerminalUI
import Worklist

/// `lightbox practice [read] --library DIR [--reader R]`: the reading screen
/// without the AI; after each sign a feedback screen with the model's values,
/// the reference and the running scoreboard. Reads are stored as the reader's
/// plain reads (outside any experiment), which `practice review` scores.
struct PracticeReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read studies unaided; after each sign see the model's values, the reference and your scoreboard.",
        discussion: """
        The keys are the reading room's (Enter open, o your value, c confidence, S sign, q quit). The model runs \
        while you read but stays hidden; the reference is loaded only after you sign. Any key leaves the feedback \
        screen for the next study.
        """)

    @Option(help: "The study library folder (each study with its reference.json).")
    var library: String = ReadCommand.defaultLibrary
    @Option(help: "Your reader id: your login name (the default); another account's id is refused.") var reader: String?
    @Option(help: "The ledger database (default: $XDG_DATA_HOME/lightbox/ledger.sqlite).") var db: String?
    @Option(help: "Colour theme: dark, light, high-contrast, colorblind, dim, or a .toml file.")
    var theme: String = Theme.defaultName
    @Option(help: "Image drawing: auto (ask the terminal), halfblock, kitty or sixel.")
    var graphics: GraphicsMode = .auto
    @Option(help: "A folder of model folders (model.onnx + card.json) to use before the installed ones.")
    var models: String?

    func run() throws {
        let (state, env, theme, entries) = try reportingErrors { () -> (AppState, AppEnvironment, Theme, [LibraryEntry]) in
            let theme = try ThemeLoader.load(self.theme, environment: DataPaths.environment)
            let account = OSAccount.current()
            let me = try ReaderBinding(account: account).reader(requested: reader)
            let studies = try StudyLibrary.load(root: library)
            let ledger = try LedgerStore(path: try ExperimentContext.ledgerPath(db))
            let renderer = ImageRenderer()
            let engine = FindingsEngine(registry: try ModelsSearch.registry(explicit: models.map { [$0] } ?? []),
                                        store: LedgerPinnedResults(ledger: ledger))
            var state = AppState(reader: me, blinding: .practice,
                                 libraryName: (library as NSString).lastPathComponent)
            // The scoreboard runs over every signed practice read, earlier sessions included.
            state.practice = PracticeState(cases: try PracticeCases.load(ledger: ledger, reader: me, library: studies).cases)
            let appSessionID = UUID().uuidString
            var env = AppEnvironment(
                reader: me, store: LedgerReadStore(ledger: ledger), clock: SystemReadClock(), appSession: appSessionID,
                renderImage: { try renderer.render($0) },
                runModels: { study in try engine.run(study).map { AIResult($0, study: study) } })
            env.feedback = FeedbackSource(
                reference: { study in
                    try ExperimentTruth.load(library: studies, caseIDs: [study.id]).cases[study.id]?.referenceValues ?? [:]
                },
                activeSeconds: { readId in
                    try TimingRules.standard.measure(try ledger.events(read: readId).map(\.event)).active
                })
            try TerminalRequirement.check("practice")
            try ledger.recordAppSession(appSessionID, reader: me, osAccount: account)
            return (state, env, theme, studies.entries)
        }
        let statuses = try reportingErrors { try env.store.statuses(reader: env.reader) }
        ReadingRoomSession.run(state: state, environment: env, theme: theme, graphics: graphics,
                               actions: [.libraryLoaded(entries, statuses: statuses)])
    }
}
