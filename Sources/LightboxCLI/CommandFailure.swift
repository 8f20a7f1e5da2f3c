import ArgumentParser
import Common
import Foundation

/// Runs a command body and turns any error into the one-line message of
/// `UserMessage` on stderr with exit code 2, so every command fails alike.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data(("lightbox: " + UserMessage.text(for: error) + "\n").utf8))
        throw ExitCode(2)
    }
}
