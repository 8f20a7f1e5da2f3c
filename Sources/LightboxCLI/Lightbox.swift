import ArgumentParser

@main
struct Lightbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lightbox",
        abstract: "A terminal reading room for musculoskeletal radiology.",
        version: "0.1.0",
        subcommands: [OnnxCommand.self]
    )
}
