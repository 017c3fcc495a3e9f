import Testing
@testable import Dashboard

@Suite struct TableTests {
    static let data: [(String, String)] = [
        ("alpha", "1"), ("beta", "22"), ("gamma", "333"), ("delta", "4"), ("epsilon-long-name", "5"),
    ]

    func render(
        width: Int, height: Int, selected: Int?, rows: [(String, String)] = data,
        asked: ((Int) -> Void)? = nil
    ) -> ScreenBuffer {
        var b = ScreenBuffer(width: width, height: height)
        let table = Table(
            columns: [TableColumn("Name", width: .min(6)), TableColumn("Val", width: .fixed(3), alignment: .right)],
            rowCount: rows.count, state: TableState(selected: selected)
        ) { i in
            asked?(i)
            return TableRow(strings: [rows[i].0, rows[i].1])
        }
        table.render(area: b.area, buffer: &b)
        return b
    }

    @Test func rendersHeaderRightAlignedNumbersAndScrollsToSelection() {
        let b = render(width: 14, height: 4, selected: 3)
        #expect(
            b.debugPicture == """
                Name       Val
                beta        22
                gamma      333
                delta        4
                """)
        #expect(b[0, 3].style.isReverse && b[13, 3].style.isReverse)
        #expect(!b[0, 2].style.isReverse)
    }

    @Test func narrowTableCutsCellsWithEllipsis() {
        let b = render(width: 10, height: 4, selected: 4)
        #expect(
            b.debugPicture == """
                Name   Val
                gamma  333
                delta    4
                epsil…   5
                """)
    }

    @Test func tooNarrowDropsRightmostColumn() {
        let b = render(width: 7, height: 2, selected: 0)
        #expect(b.debugPicture == "Name   \nalpha  ")
    }

    @Test func wideCharactersKeepColumnsAligned() {
        let rows = [("中文名", "1"), ("🚀x", "2"), ("ab", "3"), ("a中文字", "4")]
        let b = render(width: 10, height: 5, selected: nil, rows: rows)
        #expect(
            b.debugPicture == """
                Name   Val
                中文名   1
                🚀x      2
                ab       3
                a中文…   4
                """)
        for y in 1...4 { #expect(b[9, y].symbol == String(y)) }
    }

    @Test func onlyVisibleRowsAreRequested() {
        final class Log { var asked: [Int] = [] }
        let log = Log()
        var b = ScreenBuffer(width: 20, height: 5)
        let table = Table(
            columns: [TableColumn("N", width: .flex(1))], rowCount: 1_000_000,
            state: TableState(selected: 500_000)
        ) { i in
            log.asked.append(i)
            return TableRow(strings: ["row \(i)"])
        }
        table.render(area: b.area, buffer: &b)
        #expect(log.asked == [499_997, 499_998, 499_999, 500_000])
        #expect(b.lines()[4] == "row 500000          ")
    }

    @Test func hugeCellRendersOneRowQuickly() {
        let huge = String(repeating: "x", count: 5_000_000)
        var b = ScreenBuffer(width: 12, height: 2)
        let table = Table(columns: [TableColumn("Value", width: .flex(1))], rowCount: 1) { _ in
            TableRow([Line(SafeText.line(huge, width: 12))])
        }
        table.render(area: b.area, buffer: &b)
        #expect(b.debugPicture == "Value       \nxxxxxxxxxxx…")
    }

    @Test func tableStateKeepsSelectionVisible() {
        var s = TableState(selected: 0, offset: 0)
        s.move(by: 10, rowCount: 5)
        #expect(s.selected == 4)
        #expect(TableState(selected: 9, offset: 0).clampedOffset(rowCount: 20, visibleRows: 5) == 5)
        #expect(TableState(selected: 2, offset: 8).clampedOffset(rowCount: 20, visibleRows: 5) == 2)
        #expect(TableState(selected: nil, offset: 50).clampedOffset(rowCount: 20, visibleRows: 5) == 15)
    }
}
