import Foundation
import TerminalUI

/// Asks the terminal what it can draw, before curses starts. Reads the raw
/// answers from the tty with echo and line mode off, so nothing shows on
/// screen and nothing reaches curses as keys.
public enum TerminalProbe {
    public static func run(timeoutMilliseconds: Int = 150) -> GraphicsCapabilities {
        var caps = GraphicsCapabilities()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return caps }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return caps }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return caps }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return caps }
        defer { tcsetattr(fd, TCSANOW, &saved) }

        let query = GraphicsCapabilities.query
        var written = 0
        while written < query.count {
            let n = query.withUnsafeBytes { write(fd, $0.baseAddress! + written, query.count - written) }
            if n < 0 { if errno == EINTR { continue }; return caps }
            written += n
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { break }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(max(1, (deadline - now) / 1_000_000)))
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { break }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            caps = GraphicsCapabilities.parse(replyBytes: bytes)
            // Terminals answer in order and DA1 was asked last: once it is in, all is in.
            if caps.answeredDeviceAttributes { break }
        }
        // Timed out: answers still on their way would reach curses as keys. Drop them.
        if !caps.answeredDeviceAttributes { tcflush(fd, TCIFLUSH) }
        // Terminals that refuse CSI 14/16 t (xterm by default) still fill in the pixel size here.
        if caps.cellPixels == nil && caps.windowPixels == nil {
            var ws = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_xpixel > 0, ws.ws_ypixel > 0 {
                caps.windowPixels = Size(width: Int(ws.ws_xpixel), height: Int(ws.ws_ypixel))
            }
        }
        return caps
    }
}
