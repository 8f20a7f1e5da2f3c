/// Whether curses may scroll the terminal on the next refresh. ncurses' hash-map
/// optimisation (hardscroll.c) turns "this line's new text is another line's old
/// text" into a scroll region plus SU/SD. Our raw pixel cells ride along with such
/// a scroll, while curses believes they are blanks it need not repaint: the image
/// lands shifted by the scroll amount (seen when the AI's text pushed the findings
/// panel down on a study's first opening). Rows are keyed by what curses holds.
enum CursesLineMoves {
    static func mayScroll(old: [Int], new: [Int]) -> Bool {
        guard old.count == new.count else { return false }
        let before = Set(old)
        for y in new.indices where new[y] != old[y] && before.contains(new[y]) { return true }
        return false
    }
}
