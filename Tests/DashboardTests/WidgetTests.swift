import Testing
@testable import Dashboard

@Suite struct WidgetTests {
    @Test func blockDrawsBorderAndTitle() {
        var b = ScreenBuffer(width: 12, height: 3)
        let block = Block(title: "Logs")
        block.render(area: b.area, buffer: &b)
        #expect(
            b.debugPicture == """
                ┌ Logs ────┐
                │          │
                └──────────┘
                """)
        #expect(block.inner(b.area) == Rect(x: 1, y: 1, width: 10, height: 1))
    }

    @Test func dialogClearsWhatIsBeneath() {
        var b = ScreenBuffer(width: 30, height: 7, fill: Cell(symbol: "#", width: 1, style: .plain))
        Dialog(title: "Flip?", body: ["Turn off x?"], hint: "y/n", width: 20).render(area: b.area, buffer: &b)
        #expect(
            b.debugPicture == """
                ##############################
                #####┌ Flip? ───────────┐#####
                #####│ Turn off x?      │#####
                #####│                  │#####
                #####│              y/n │#####
                #####└──────────────────┘#####
                ##############################
                """)
    }

    @Test func dialogWithReasonField() {
        var b = ScreenBuffer(width: 24, height: 9)
        let input = TextInput("rollback")
        Dialog(
            title: "Flip", body: ["on → off"], inputLabel: "Reason:", input: input, inputFocused: true,
            hint: "y/n", width: 24
        ).render(area: b.area, buffer: &b)
        #expect(
            b.debugPicture == """
                 ┌ Flip ──────────────┐\u{20}
                 │ on → off           │\u{20}
                 │                    │\u{20}
                 │ Reason:            │\u{20}
                 │ rollback           │\u{20}
                 │                    │\u{20}
                 │                y/n │\u{20}
                 └────────────────────┘\u{20}
                \(String(repeating: " ", count: 24))
                """)
        #expect(b[11, 4].style.isReverse && !b[10, 4].style.isReverse) // the cursor block after the text
    }

    @Test func statusBarKeepsBadgesAndCutsLeftSide() {
        var b = ScreenBuffer(width: 30, height: 1)
        StatusBar(
            left: ["Toggles · 1,234 keys · updated 2s ago"],
            right: [StatusBar.badge("READ-ONLY", style: Style(bold: true)), StatusBar.badge("PAUSED", style: .plain)]
        )
        .render(area: b.area, buffer: &b)
        #expect(b.debugPicture == "Toggles …  READ-ONLY   PAUSED ")
        #expect(b[13, 0].style.isBold)
    }

    @Test func tabBarHighlightsActiveTab() {
        var b = ScreenBuffer(width: 30, height: 1)
        TabBar(titles: ["1 Toggles", "2 Sessions"], selected: 1).render(area: b.area, buffer: &b)
        #expect(b.debugPicture == " 1 Toggles │ 2 Sessions       ")
        #expect(b[13, 0].style.isReverse && !b[2, 0].style.isReverse)
    }

    @Test func paragraphWrapsAndScrolls() {
        var b = ScreenBuffer(width: 10, height: 2)
        let p = Paragraph([Line([Span("the quick "), Span("brown", style: Style(bold: true)), Span(" fox jumps over")])], scroll: 1)
        p.render(area: b.area, buffer: &b)
        #expect(b.debugPicture == "brown fox \njumps over")
        #expect(b[0, 0].style.isBold && !b[6, 0].style.isBold)
    }

    @Test func highlightMarksMatchesCaseInsensitively() {
        let line = Line.highlighting("NullPointer in nullCheck", terms: ["null", ""], highlight: Style(underline: true))
        #expect(line.spans.map(\.text) == ["Null", "Pointer in ", "null", "Check"])
        #expect(line.spans.map { $0.style.isUnderline } == [true, false, true, false])
    }

    @Test func textInputEditsAndScrolls() {
        var t = TextInput("hello world")
        t.handle(.ctrl("w"))
        #expect(t.text == "hello " && t.cursor == 6)
        t.handle(.home)
        t.handle(.delete)
        t.insert("J")
        #expect(t.text == "Jello " && t.cursor == 1)
        t.handle(.end)
        t.insert("中文")
        t.handle(.backspace)
        #expect(t.text == "Jello 中")
        t.handle(.left)
        t.handle(.ctrl("u"))
        #expect(t.text == "中" && t.cursor == 0)
        t.insert("\u{1B}")
        #expect(t.text == "中")

        var b = ScreenBuffer(width: 6, height: 1)
        TextInput("abcdefghij").render(area: b.area, buffer: &b)
        #expect(b.debugPicture == "fghij ")
        #expect(b[5, 0].style.isReverse)
    }
}
