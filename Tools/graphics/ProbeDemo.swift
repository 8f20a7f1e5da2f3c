// Tools/graphics/probe-demo.sh builds this with Sources/NCursesBackend/TerminalProbe.swift against TerminalUI.
import Foundation
import TerminalUI

// Runs the probe, then reads stdin for 1 s in raw mode to prove that nothing of the
// answers is left for the application (curses) to read as keys.
let start = DispatchTime.now().uptimeNanoseconds
let caps = TerminalProbe.run()
let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
var ws = winsize()
_ = ioctl(STDIN_FILENO, UInt(TIOCGWINSZ), &ws)
let grid = Size(width: Int(ws.ws_col), height: Int(ws.ws_row))
let mode = GraphicsMode.resolve(requested: .auto, capabilities: caps, gridSize: grid)
var saved = termios(); _ = tcgetattr(STDIN_FILENO, &saved)
var raw = saved; raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw)
var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
var leaked = 0
var buf = [UInt8](repeating: 0, count: 256)
while poll(&pfd, 1, 1000) > 0 { let n = read(STDIN_FILENO, &buf, 256); if n <= 0 { break }; leaked += n }
_ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
let line = String(format: "probe %.1f ms; sixel=%@ kitty=%@ registers=%@ cell=%@ window=%@ DA1=%@ mode=%@ leaked=%d bytes\n",
                  ms, "\(caps.sixel)", "\(caps.kitty)", "\(caps.sixelRegisters.map(String.init) ?? "-")",
                  "\(caps.cellPixels(gridSize: grid).map { "\($0.width)x\($0.height)" } ?? "-")",
                  "\(caps.windowPixels.map { "\($0.width)x\($0.height)" } ?? "-")", "\(caps.answeredDeviceAttributes)", mode.rawValue, leaked)
let out = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "/dev/stdout"
_ = FileManager.default.createFile(atPath: out, contents: Data(line.utf8))
