import Testing
@testable import Dashboard

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("中", 2), ("한", 2), ("Ａ", 2), ("ア", 2), ("🚀", 2), ("❤️", 2), ("❤", 1),
        ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("e\u{301}", 1), ("\u{301}", 0), ("\u{200B}", 0), ("é", 1), ("─", 1),
    ])
    func characterWidths(text: String, width: Int) {
        #expect(text.count == 1)
        #expect(TextWidth.of(Character(text)) == width)
    }

    @Test func stringWidthSumsGraphemes() {
        #expect(TextWidth.of("a中🚀") == 5)
        #expect(TextWidth.of("café") == 4)
        #expect(TextWidth.of(String(repeating: "中", count: 1000), cappedAt: 10) == 12)
    }
}
