import Testing
import TerminalUI

/// Replies to `GraphicsCapabilities.query`. Recorded under Xvfb: xterm (XTerm 379)
/// with Tools/graphics/record-replies.sh, kitty (0.26.5, Debian) with
/// Tools/graphics/verify-kitty.sh. The foot and WezTerm ones are written from
/// their documented DA1 and XTSMGRAPHICS answers (neither is packaged here).
enum RecordedReplies {
    static let xtermVT340 = "\u{1B}[?1;0;256S\u{1B}[?63;1;2;4;6;9;15;16;22;28c"
    static let xtermVT340WindowOps = "\u{1B}[6;13;6t\u{1B}[4;312;480t\u{1B}[?1;0;256S\u{1B}[?63;1;2;4;6;9;15;16;22;28c"
    static let xtermDefault = "\u{1B}[?1;3S\u{1B}[?64;1;2;6;9;15;16;17;18;21;22;28c"
    static let kitty = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;19;8t\u{1B}[4;589;800t\u{1B}[?62;c"
    static let foot = "\u{1B}[6;17;8t\u{1B}[4;816;1280t\u{1B}[?1;0;1024S\u{1B}[?62;4;22c"
    static let wezTerm = "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;19;9t\u{1B}[4;912;1440t\u{1B}[?1;0;256S\u{1B}[?65;4;6;18;22c"
    static let daOnlyVT100 = "\u{1B}[?1;2c"
    static let daOnlyVTE = "\u{1B}[?65;1;9c"
}

@Suite struct GraphicsCapabilitiesTests {
    static func parse(_ s: String) -> GraphicsCapabilities { .parse(replyBytes: Array(s.utf8)) }

    @Test func xtermAsVT340() {
        let c = Self.parse(RecordedReplies.xtermVT340)
        #expect(c.sixel && !c.kitty && c.sixelRegisters == 256 && c.answeredDeviceAttributes)
        // xterm refuses window ops by default: no cell size, the backend falls back to TIOCGWINSZ.
        #expect(c.cellPixels == nil && c.windowPixels == nil && c.otherInput.isEmpty)
        let w = Self.parse(RecordedReplies.xtermVT340WindowOps)
        #expect(w.cellPixels == Size(width: 6, height: 13) && w.windowPixels == Size(width: 480, height: 312))
    }

    @Test func xtermDefaultHasNoSixel() {
        let c = Self.parse(RecordedReplies.xtermDefault)
        #expect(!c.sixel && !c.kitty && c.sixelRegisters == nil && c.answeredDeviceAttributes)
    }

    @Test func kittyAndWezTerm() {
        let k = Self.parse(RecordedReplies.kitty)
        #expect(k.kitty && !k.sixel && k.cellPixels == Size(width: 8, height: 19) && k.sixelRegisters == nil)
        let w = Self.parse(RecordedReplies.wezTerm)
        #expect(w.kitty && w.sixel && w.cellPixels == Size(width: 9, height: 19) && w.sixelRegisters == 256)
    }

    @Test func foot() {
        let c = Self.parse(RecordedReplies.foot)
        #expect(c.sixel && !c.kitty && c.sixelRegisters == 1024 && c.cellPixels == Size(width: 8, height: 17))
    }

    @Test func onlyDeviceAttributes() {
        for reply in [RecordedReplies.daOnlyVT100, RecordedReplies.daOnlyVTE] {
            let c = Self.parse(reply)
            #expect(c.answeredDeviceAttributes && !c.sixel && !c.kitty && c.cellPixels == nil)
        }
    }

    @Test func kittyErrorIsNotSupport() {
        let c = Self.parse("\u{1B}_Gi=31;ENOTSUPPORTED:no RGB\u{1B}\\\u{1B}[?62;c")
        #expect(!c.kitty)
        // An OK for another image id is not an answer to the probe.
        #expect(!Self.parse("\u{1B}_Gi=7;OK\u{1B}\\\u{1B}[?62;c").kitty)
    }

    @Test func keysTypedDuringTheBurstAreKept() {
        let c = Self.parse("j\u{1B}[6;20;10t\u{1B}[A\u{1B}_Gi=31;OK\u{1B}\\q\u{1B}[?62;4c")
        #expect(c.kitty && c.sixel && c.cellPixels == Size(width: 10, height: 20))
        #expect(c.otherInput == Array("j\u{1B}[Aq".utf8))
    }

    @Test func cutOffBurstIsNotComplete() {
        let full = Array(RecordedReplies.wezTerm.utf8)
        for cut in [full.count - 1, full.count - 5, 3, 1] {
            let c = GraphicsCapabilities.parse(replyBytes: Array(full.prefix(cut)))
            #expect(!c.answeredDeviceAttributes, "cut at \(cut)")
            #expect(c.otherInput.isEmpty, "a partial reply must not turn into keys (cut at \(cut))")
        }
        #expect(GraphicsCapabilities.parse(replyBytes: []).answeredDeviceAttributes == false)
    }

    @Test func cellSizeFromWindowWhenOnlyThatIsKnown() {
        var c = Self.parse(RecordedReplies.xtermVT340)
        #expect(c.cellPixels(gridSize: Size(width: 80, height: 24)) == nil)
        c.windowPixels = Size(width: 484, height: 316)   // TIOCGWINSZ in that xterm (2-pixel border included)
        #expect(c.cellPixels(gridSize: Size(width: 80, height: 24)) == Size(width: 6, height: 13))
    }

    @Test func queryEndsWithDeviceAttributes() {
        let q = String(decoding: GraphicsCapabilities.query, as: UTF8.self)
        #expect(q.hasPrefix("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\"))
        #expect(q.hasSuffix("\u{1B}[c"))
        #expect(q.contains("\u{1B}[16t") && q.contains("\u{1B}[14t") && q.contains("\u{1B}[?1;1;0S"))
    }

    @Test func modeResolution() {
        let kitty = Self.parse(RecordedReplies.kitty), xterm = Self.parse(RecordedReplies.xtermVT340)
        let wez = Self.parse(RecordedReplies.wezTerm), plain = Self.parse(RecordedReplies.daOnlyVTE)
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: kitty) == .kitty)
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: wez) == .kitty)
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: Self.parse(RecordedReplies.foot)) == .sixel)
        // Sixel without a cell size cannot be sized: half-blocks, unless the window size gives it.
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: xterm) == .halfblock)
        var sized = xterm
        sized.windowPixels = Size(width: 484, height: 316)
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: sized, gridSize: Size(width: 80, height: 24)) == .sixel)
        #expect(GraphicsMode.resolve(requested: .auto, capabilities: plain) == .halfblock)
        for forced in [GraphicsMode.halfblock, .kitty, .sixel] {
            #expect(GraphicsMode.resolve(requested: forced, capabilities: plain) == forced)
        }
        #expect(GraphicsMode(rawValue: "sixel") == .sixel && GraphicsMode.allCases.count == 4)
    }

    /// Every prefix of every recorded burst, and random bytes rich in escape syntax: never a trap,
    /// and a complete answer only once DA1's final byte is in.
    @Test func arbitraryInputNeverTraps() {
        for reply in [RecordedReplies.xtermVT340, RecordedReplies.kitty, RecordedReplies.wezTerm, RecordedReplies.foot] {
            let bytes = Array(reply.utf8)
            for n in 0...bytes.count {
                let c = GraphicsCapabilities.parse(replyBytes: Array(bytes.prefix(n)))
                #expect(c.answeredDeviceAttributes == (n == bytes.count))
            }
        }
        let alphabet = Array("\u{1B}[?;_G\\0123456789ctS=OKi\u{07}P]".utf8) + [0x9B, 0xFF, 0x00]
        var state: UInt64 = 99
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            _ = GraphicsCapabilities.parse(replyBytes: bytes)
        }
        let huge = GraphicsCapabilities.parse(replyBytes: Array("\u{1B}[6;99999999999999999999;8t\u{1B}[?62;c".utf8))
        #expect(huge.answeredDeviceAttributes && huge.cellPixels?.width == 8)
    }
}
