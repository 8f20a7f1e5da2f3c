import Foundation
import Testing
import TerminalUI

@Suite struct GraphicsKittyTests {
    /// One APC command split into keys and payload.
    struct Command { var keys: [String: String]; var payload: String }

    static func commands(_ bytes: [UInt8]) -> [Command] {
        let s = String(decoding: bytes, as: UTF8.self)
        var out: [Command] = []
        var rest = Substring(s)
        while let start = rest.range(of: "\u{1B}_G") {
            guard let end = rest.range(of: "\u{1B}\\", range: start.upperBound..<rest.endIndex) else { break }
            let body = rest[start.upperBound..<end.lowerBound]
            let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            var keys: [String: String] = [:]
            for kv in parts[0].split(separator: ",") {
                let p = kv.split(separator: "=", maxSplits: 1)
                keys[String(p[0])] = p.count > 1 ? String(p[1]) : ""
            }
            out.append(Command(keys: keys, payload: parts.count > 1 ? String(parts[1]) : ""))
            rest = rest[end.upperBound...]
        }
        return out
    }

    @Test func base64MatchesFoundation() {
        var state: UInt32 = 12345
        for length in Array(0...10) + [255, 256, 257, 3000] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 1664525 &+ 1013904223
                return UInt8(state >> 24)
            }
            let ours = String(decoding: Base64.encode(bytes), as: UTF8.self)
            #expect(ours == Data(bytes).base64EncodedString(), "length \(length)")
            #expect(Base64.encode(bytes).count == Base64.encodedCount(length))
        }
        #expect(String(decoding: Base64.encode(Array("Man".utf8)), as: UTF8.self) == "TWFu")
        #expect(String(decoding: Base64.encode(Array("Ma".utf8)), as: UTF8.self) == "TWE=")
    }

    @Test func chunkedTransmitRoundTrips() throws {
        let img = GraphicsTestImages.radiographLike(width: 50, height: 40)   // 6000 RGB bytes → 8000 base64
        let cmds = Self.commands(KittyEncoder().transmitAndPlace(img, columns: 25, rows: 10, imageID: 7))
        #expect(cmds.count == 2)
        let first = cmds[0].keys
        #expect(first["a"] == "T" && first["f"] == "24" && first["s"] == "50" && first["v"] == "40")
        #expect(first["c"] == "25" && first["r"] == "10" && first["i"] == "7" && first["p"] == "1")
        #expect(first["q"] == "2" && first["C"] == "1" && first["m"] == "1")
        #expect(cmds[1].keys == ["m": "0"], "later chunks carry only m")
        #expect(first["z"] == nil, "kitty's default stacking unless asked")
        #expect(cmds[0].payload.utf8.count == KittyEncoder.chunkSize)
        let payload = try #require(Data(base64Encoded: cmds.map(\.payload).joined()))
        #expect(payload.count == img.pixels.count * 3)
        let rgb = [UInt8](payload)
        for i in 0..<img.pixels.count {
            #expect(rgb[3 * i] == img.pixels[i] && rgb[3 * i + 1] == img.pixels[i] && rgb[3 * i + 2] == img.pixels[i])
        }
    }

    @Test func chunkBoundaries() {
        // Exactly two full chunks: the last one still says m=0 and no empty chunk follows.
        let payload = [UInt8](repeating: 0x41, count: 2 * KittyEncoder.chunkSize)
        let cmds = Self.commands(KittyEncoder.command(keys: "a=t", payload: payload))
        #expect(cmds.map { $0.keys["m"] } == ["1", "0"])
        #expect(cmds.allSatisfy { $0.payload.utf8.count == KittyEncoder.chunkSize })
        // One chunk: no m key at all (m defaults to 0).
        let one = Self.commands(KittyEncoder.command(keys: "a=t", payload: [0x41, 0x41, 0x41, 0x41]))
        #expect(one.count == 1 && one[0].keys["m"] == nil && one[0].payload == "AAAA")
        // Every chunk but the last is a whole number of base64 quanta.
        let odd = Self.commands(KittyEncoder.command(keys: "a=t", payload: [UInt8](repeating: 0x41, count: 10_000)))
        #expect(odd.map(\.payload.utf8.count) == [4096, 4096, 1808])
    }

    @Test func frameDrawsNewBeforeDeletingOld() {
        let img = GreyImage(width: 2, height: 2, pixels: [0, 64, 128, 255])
        let bytes = KittyEncoder().frame(img, atColumn: 3, row: 1, columns: 10, rows: 4, imageID: 2, replacing: 1)
        let s = String(decoding: bytes, as: UTF8.self)
        #expect(s.hasPrefix("\u{1B}7\u{1B}[2;4H\u{1B}_G"))
        let restore = s.range(of: "\u{1B}8")!
        let delete = s.range(of: "\u{1B}_Ga=d,d=I,i=1,q=2\u{1B}\\")!
        #expect(restore.upperBound <= delete.lowerBound)
        #expect(s.hasSuffix("\u{1B}_Ga=d,d=I,i=1,q=2\u{1B}\\"))
        let cmds = Self.commands(bytes)
        #expect(cmds.count == 2 && cmds[0].keys["i"] == "2" && cmds[1].keys["a"] == "d")
        // The first frame deletes nothing.
        let firstFrame = KittyEncoder().frame(img, atColumn: 0, row: 0, columns: 1, rows: 1, imageID: 1, replacing: nil)
        #expect(!String(decoding: firstFrame, as: UTF8.self).contains("a=d"))
    }

    @Test func deleteCommands() {
        #expect(String(decoding: KittyEncoder.delete(imageID: 9, freeData: false), as: UTF8.self) == "\u{1B}_Ga=d,d=i,i=9,q=2\u{1B}\\")
        #expect(String(decoding: KittyEncoder.deleteAll, as: UTF8.self) == "\u{1B}_Ga=d,d=A,q=2\u{1B}\\")
    }
}
