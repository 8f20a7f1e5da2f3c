import ArgumentParser

/// `lightbox analyze …`: the statistics of a finished reader study, from export files.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse reader-study exports: MRMC ROC (OR/DBM), Cohen's kappa, AUC with DeLong.",
        subcommands: [AnalyzeMRMCCommand.self, AnalyzeKappaCommand.self, AnalyzeAUCCommand.self]
    )
}
