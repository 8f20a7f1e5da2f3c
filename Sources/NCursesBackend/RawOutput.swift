import Foundation

/// Writes bytes to the terminal outside curses, retrying short writes.
enum RawOutput {
    static func write(_ s: String) { write(Array(s.utf8)) }

    static func write(_ b: [UInt8]) {
        var bytes = b
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                Foundation.write(STDOUT_FILENO, buf.baseAddress! + offset, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += n
        }
    }
}
