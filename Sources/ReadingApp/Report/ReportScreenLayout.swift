import TerminalUI

/// Where the report's parts go for a terminal size. Wide terminals (≥ 150 × 36)
/// put the scrolling text on the left and both plots on the right; narrower
/// ones stack text, ROC plot and time plot into one scrolling document.
struct ReportScreenLayout {
    let size: Size
    let body: Rect
    /// Wide: the text column; narrow: the whole body.
    let document: Rect
    /// Wide only: the plot column.
    let plots: Rect?
    let documentHeight: Int
    let textWidth: Int
    /// Narrow only: rows of the document where each plot starts, and their heights.
    let rocRows: Range<Int>?
    let timeRows: Range<Int>?

    static let wideMinimum = Size(width: 150, height: 36)

    init(model: ReportScreenModel, size: Size) {
        self.size = size
        body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        textWidth = model.lines.map { $0.text.unicodeScalars.count }.max() ?? 0
        if size.width >= Self.wideMinimum.width && size.height >= Self.wideMinimum.height {
            let left = min(textWidth + 2, body.width / 2)
            document = Rect(x: 0, y: body.y, width: left, height: body.height)
            plots = Rect(x: left + 1, y: body.y, width: body.width - left - 1, height: body.height)
            documentHeight = model.lines.count
            rocRows = nil; timeRows = nil
        } else {
            document = body
            plots = nil
            let rocHeight = min(max(body.height, 8), 22)
            let timeHeight = Self.timeHeight(groups: model.times.count, limit: max(body.height, 8))
            let rocStart = model.lines.count + 1
            let timeStart = rocStart + rocHeight + 1
            rocRows = rocStart..<(rocStart + rocHeight)
            timeRows = timeStart..<(timeStart + timeHeight)
            documentHeight = timeStart + timeHeight
        }
    }

    /// Title, legend, two rows per group when there is room (one otherwise), axis and its labels.
    static func timeHeight(groups: Int, limit: Int) -> Int {
        min(2 + 2 * max(groups, 1) + 2, max(limit, 2 + max(groups, 1) + 2))
    }

    var pageHeight: Int { document.height }
    var maxScroll: Int { max(0, documentHeight - document.height) }
    var maxShift: Int { max(0, textWidth - document.width + 1) }
}
