/// Where and why a deflate stream could not be decoded (offset into the compressed bytes).
public struct InflateError: Error, Equatable, Sendable {
    public let offset: Int
    public let problem: String
}

/// RFC 1951 inflate in pure Swift: Foundation on Linux has no zlib API, and the
/// Deflated Explicit VR Little Endian transfer syntax is raw deflate. Written after
/// Mark Adler's `puff.c` (canonical Huffman decoding by counts and symbols), with
/// every read bounds-checked so corrupt input throws instead of trapping.
public enum Inflate {
    /// Output larger than this is refused (a deflate bomb, not a DICOM file).
    public static let maximumOutput = 1 << 31

    public static func raw(_ input: [UInt8], maximumOutput: Int = Inflate.maximumOutput) throws -> [UInt8] {
        var state = State(input: input, maximumOutput: maximumOutput)
        try state.run()
        return state.output
    }

    /// zlib wrapper (RFC 1950): header, raw deflate, Adler-32 checked.
    public static func zlib(_ input: [UInt8]) throws -> [UInt8] {
        guard input.count >= 6 else { throw InflateError(offset: 0, problem: "zlib stream too short") }
        let cmf = input[0], flg = input[1]
        guard cmf & 0x0F == 8, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else {
            throw InflateError(offset: 0, problem: "not a zlib header")
        }
        guard flg & 0x20 == 0 else { throw InflateError(offset: 1, problem: "zlib preset dictionary not supported") }
        var state = State(input: input, maximumOutput: maximumOutput)
        state.position = 2
        try state.run()
        let p = state.position
        guard p + 4 <= input.count else { throw InflateError(offset: p, problem: "missing Adler-32 checksum") }
        let stored = UInt32(input[p]) << 24 | UInt32(input[p + 1]) << 16 | UInt32(input[p + 2]) << 8 | UInt32(input[p + 3])
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in state.output { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        guard stored == b << 16 | a else { throw InflateError(offset: p, problem: "Adler-32 checksum mismatch") }
        return state.output
    }

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: ArraySlice<Int>) throws {
            symbols = [Int](repeating: 0, count: lengths.count)
            for l in lengths { counts[l] += 1 }
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= counts[len]
                if left < 0 { throw InflateError(offset: -1, problem: "over-subscribed Huffman code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }
    }

    struct State {
        let input: [UInt8]
        let maximumOutput: Int
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], maximumOutput: Int) {
            self.input = input
            self.maximumOutput = maximumOutput
            output.reserveCapacity(min(input.count * 4, maximumOutput))
        }

        func fail(_ problem: String) -> InflateError { InflateError(offset: position, problem: problem) }

        mutating func bits(_ n: Int) throws -> Int {
            var value = bitBuffer
            while bitCount < n {
                guard position < input.count else { throw fail("compressed data ends early (truncated)") }
                value |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            bitBuffer = value >> n
            bitCount -= n
            return value & ((1 << n) - 1)
        }

        mutating func decode(_ h: Huffman) throws -> Int {
            var code = 0, first = 0, index = 0
            for len in 1..<16 {
                code |= try bits(1)
                let count = h.counts[len]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw fail("invalid Huffman code")
        }

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
        static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

        static let fixed: (Huffman, Huffman) = {
            var lengths = [Int](repeating: 8, count: 288)
            for i in 144..<256 { lengths[i] = 9 }
            for i in 256..<280 { lengths[i] = 7 }
            let lit = try! Huffman(lengths: lengths[...])
            let dist = try! Huffman(lengths: [Int](repeating: 5, count: 30)[...])
            return (lit, dist)
        }()

        mutating func run() throws {
            var last = 0
            repeat {
                last = try bits(1)
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Self.fixed.0, Self.fixed.1)
                case 2: try dynamic()
                default: throw fail("invalid block type 3")
                }
            } while last == 0
            // Give back whole bytes the bit buffer read ahead, so a trailer can follow.
            bitCount = 0
            bitBuffer = 0
        }

        mutating func stored() throws {
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw fail("stored block header truncated") }
            let len = Int(input[position]) | Int(input[position + 1]) << 8
            let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard len == (~nlen & 0xFFFF) else { throw fail("stored block length does not match its complement") }
            position += 4
            guard position + len <= input.count else { throw fail("stored block runs past the end (truncated)") }
            guard output.count + len <= maximumOutput else { throw fail("output exceeds \(maximumOutput) bytes") }
            output.append(contentsOf: input[position..<(position + len)])
            position += len
        }

        mutating func codes(_ lit: Huffman, _ dist: Huffman) throws {
            while true {
                let symbol = try decode(lit)
                if symbol < 256 {
                    guard output.count < maximumOutput else { throw fail("output exceeds \(maximumOutput) bytes") }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let s = symbol - 257
                    guard s < 29 else { throw fail("invalid length symbol \(symbol)") }
                    let length = Self.lengthBase[s] + (try bits(Self.lengthExtra[s]))
                    let d = try decode(dist)
                    guard d < 30 else { throw fail("invalid distance symbol \(d)") }
                    let distance = Self.distBase[d] + (try bits(Self.distExtra[d]))
                    guard distance <= output.count else { throw fail("distance \(distance) reaches before the start of the output") }
                    guard output.count + length <= maximumOutput else { throw fail("output exceeds \(maximumOutput) bytes") }
                    var from = output.count - distance
                    for _ in 0..<length {
                        output.append(output[from])
                        from += 1
                    }
                }
            }
        }

        static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

        mutating func dynamic() throws {
            let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
            guard nlen <= 286, ndist <= 30 else { throw fail("too many length or distance codes") }
            var lengths = [Int](repeating: 0, count: 320)
            for i in 0..<ncode { lengths[Self.codeLengthOrder[i]] = try bits(3) }
            let lencode = try huffman(lengths[0..<19])
            var index = 0
            while index < nlen + ndist {
                var symbol = try decode(lencode)
                if symbol < 16 {
                    lengths[index] = symbol
                    index += 1
                } else {
                    var len = 0
                    if symbol == 16 {
                        guard index > 0 else { throw fail("repeat with no previous length") }
                        len = lengths[index - 1]
                        symbol = 3 + (try bits(2))
                    } else if symbol == 17 {
                        symbol = 3 + (try bits(3))
                    } else {
                        symbol = 11 + (try bits(7))
                    }
                    guard index + symbol <= nlen + ndist else { throw fail("too many lengths") }
                    for _ in 0..<symbol { lengths[index] = len; index += 1 }
                }
            }
            guard lengths[256] != 0 else { throw fail("no end-of-block code") }
            let lit = try huffman(lengths[0..<nlen])
            let dist = try huffman(lengths[nlen..<(nlen + ndist)])
            try codes(lit, dist)
        }

        func huffman(_ lengths: ArraySlice<Int>) throws -> Huffman {
            do { return try Huffman(lengths: lengths) } catch { throw fail("over-subscribed Huffman code") }
        }
    }
}
