import Testing
@testable import Dashboard

@Suite struct ScreenBufferTests {
    @Test func setClipsAtEdgeWithoutSplittingWideCharacter() {
        var b = ScreenBuffer(width: 5, height: 2)
        #expect(b.set(string: "abc中", at: Position(x: 2, y: 0), style: .plain) == 3)
        #expect(b.set(string: "a中", at: Position(x: 3, y: 1), style: .plain) == 1)
        #expect(
            b.debugPicture == """
                  abc
                   a\u{20}
                """)
        #expect(b[4, 1] == .blank)
    }

    @Test func maxWidthLimitsColumns() {
        var b = ScreenBuffer(width: 8, height: 1)
        #expect(b.set(string: "中文中文", at: Position(x: 0, y: 0), style: .plain, maxWidth: 5) == 4)
        #expect(b.debugPicture == "中文    ")
        #expect(b[1, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 5, height: 1)
        b.set(string: "中", at: Position(x: 0, y: 0), style: .plain)
        b.set(string: "x", at: Position(x: 1, y: 0), style: .plain)
        #expect(b.debugPicture == " x   ")
        b.set(string: "文", at: Position(x: 2, y: 0), style: .plain)
        b.set(string: "y", at: Position(x: 2, y: 0), style: .plain)
        #expect(b.debugPicture == " xy  ")
    }

    @Test func controlCharactersNeverEnterTheBuffer() {
        var b = ScreenBuffer(width: 8, height: 1)
        b.set(string: "\u{1B}[2J\u{7}", at: Position(x: 0, y: 0), style: .plain)
        #expect(b.debugPicture == "␛[2J␇   ")
        #expect(!b.cells.contains { $0.symbol.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func diffListsOnlyChangedCellsInRowOrder() {
        var a = ScreenBuffer(width: 5, height: 2)
        a.set(string: "hello", at: Position(x: 0, y: 0), style: .plain)
        var b = a
        b.set(string: "j", at: Position(x: 3, y: 1), style: .plain)
        b.set(string: "E", at: Position(x: 1, y: 0), style: .plain)
        b.set(string: "o", at: Position(x: 4, y: 0), style: Style(bold: true))
        #expect(b.diff(from: a).map { [$0.x, $0.y] } == [[1, 0], [4, 0], [3, 1]])
        #expect(b.diff(from: b).isEmpty)
    }

    @Test func diffOmitsContinuationCellsAndCoversSizeChange() {
        let a = ScreenBuffer(width: 4, height: 1)
        var b = a
        b.set(string: "中", at: Position(x: 1, y: 0), style: .plain)
        let changes = b.diff(from: a)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1 && changes.first?.cell.symbol == "中" && changes.first?.cell.width == 2)
        #expect(a.diff(from: ScreenBuffer(width: 3, height: 1)).count == 4)
    }

    @Test func fillAndPatchStyle() {
        var b = ScreenBuffer(width: 4, height: 2)
        b.fill(Rect(x: 1, y: 0, width: 2, height: 2), with: Cell(symbol: "#", width: 1, style: .plain))
        b.patchStyle(Rect(x: 0, y: 1, width: 4, height: 1), Style(reverse: true))
        #expect(b.debugPicture == " ## \n ## ")
        #expect(b[2, 1].style.isReverse && !b[2, 0].style.isReverse)
    }

    @Test func layoutSplitsByConstraints() {
        let area = Rect(x: 0, y: 0, width: 100, height: 10)
        let parts = Layout.split(area, .horizontal, [.length(20), .percentage(30), .min(10), .fill(1)])
        #expect(parts.map(\.width) == [20, 30, 30, 20])
        #expect(parts.map(\.x) == [0, 20, 50, 80])
        let tight = Layout.split(Rect(x: 0, y: 0, width: 10, height: 5), .vertical, [.length(3), .length(4), .min(5)])
        #expect(tight.map(\.height) == [3, 2, 0])
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 2).isEmpty)
    }

    /// The combining-mark cap used to live only in `SafeText.clean`: text drawn without it
    /// (a Line built from a raw string) could stack hundreds of marks on one cell.
    @Test func theBufferCapsCombiningMarksWhateverPathTheTextTook() {
        let zalgo = "Z" + String(repeating: "\u{0301}", count: 200) + "ok"
        var b = ScreenBuffer(width: 10, height: 1)
        Line(zalgo).render(in: b.area, buffer: &b)
        let cell = b[0, 0]
        #expect(cell.symbol.unicodeScalars.count == 1 + SafeText.maxCombining, "\(cell.symbol.unicodeScalars.count) scalars")
        #expect(b[1, 0].symbol == "o" && b[2, 0].symbol == "k")
        var direct = ScreenBuffer(width: 3, height: 1)
        direct.set(string: zalgo, at: Position(x: 0, y: 0), style: .plain)
        #expect(direct[0, 0].symbol.unicodeScalars.count == 1 + SafeText.maxCombining)
    }
}
