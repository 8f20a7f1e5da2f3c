import Foundation

/// Drives a program in a real terminal: a private tmux server (its own socket,
/// so a developer's tmux is never touched), keys in, screen text out. Waits
/// poll the screen with a deadline instead of sleeping a fixed time.
public final class TmuxSession {
    public let socket: String
    public let name = "lb"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "lightbox-test-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "export \($0.key)='\($0.value)'; " }.joined()
        // `sleep` keeps the pane for a moment after exit so a final screen can be read.
        let r = try Shell.run("tmux", ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                       "-x", String(width), "-y", String(height),
                                       "\(exports)\(command); echo LIGHTBOX-EXITED-$?; sleep 30"])
        guard r.status == 0 else { throw Failure(description: "tmux failed to start: \(r.stderr)") }
    }

    public static var isAvailable: Bool { (try? Shell.run("tmux", ["-V"]).status) == 0 }

    public func send(_ keys: String...) throws {
        _ = try Shell.run("tmux", ["-L", socket, "send-keys", "-t", name] + keys)
    }

    /// Sends literal text (no key-name lookup).
    public func type(_ text: String) throws {
        _ = try Shell.run("tmux", ["-L", socket, "send-keys", "-t", name, "-l", text])
    }

    public func screen() throws -> String {
        try Shell.run("tmux", ["-L", socket, "capture-pane", "-p", "-t", name]).stdout
    }

    /// Waits until the screen contains `text`; throws with the last screen otherwise.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \"\(text)\"; screen was:\n\(last)")
    }

    public func kill() {
        _ = try? Shell.run("tmux", ["-L", socket, "kill-server"])
    }
}
