import Testing
import TerminalUI

@Suite struct CellGridTests {
    @Test func writeClipsToWidthAndGrid() {
        var g = CellGrid(size: Size(width: 8, height: 2))
        #expect(g.write("hello world", x: 2, y: 0, style: .plain) == 6)
        g.write("ab", x: -1, y: 1, style: .plain)
        g.write("zz", x: 0, y: 5, style: .plain)
        #expect(g.lines == ["  hello ", "b       "])
    }

    @Test func writeHonoursMaxWidthAndControlCharacters() {
        var g = CellGrid(size: Size(width: 6, height: 1))
        g.write("a\tbcdef", x: 0, y: 0, style: .plain, maxWidth: 4)
        #expect(g.lines == ["a bc  "])
    }

    @Test func boxDrawsBordersAndTitle() {
        var g = CellGrid(size: Size(width: 10, height: 3))
        Box.draw(g.bounds, title: "Hi", style: .plain, titleStyle: .plain, grid: &g)
        #expect(g.lines == ["┌ Hi ────┐", "│        │", "└────────┘"])
    }

    @Test func textLayoutFitsAndWraps() {
        #expect(TextLayout.fit("abcdef", 4) == "abc…")
        #expect(TextLayout.fit("ab", 4) == "ab  ")
        #expect(TextLayout.right("7", 3) == "  7")
        #expect(TextLayout.wrap("the quick brown fox", 9) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test func rectSplits() {
        let r = Rect(x: 0, y: 0, width: 10, height: 5)
        let (top, rest) = r.takeTop(1)
        #expect(top == Rect(x: 0, y: 0, width: 10, height: 1))
        #expect(rest == Rect(x: 0, y: 1, width: 10, height: 4))
        let (left, right) = r.takeRight(3)
        #expect(left.width == 7 && right.x == 7 && right.width == 3)
        #expect(r.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
    }
}
