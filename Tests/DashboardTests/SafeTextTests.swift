import Testing
@testable import Dashboard

@Suite struct SafeTextTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(SafeText.line("a\u{1B}[2Jb", width: 20) == "a␛[2Jb")
        #expect(SafeText.line("\u{1B}]0;pwned\u{7}", width: 20) == "␛]0;pwned␇")
    }

    @Test func controlCharactersGetPlaceholders() {
        #expect(SafeText.line("x\ny\tz\r\n\u{7}\u{7F}\u{85}\u{0}\rq", width: 30) == "x↵y→z↵␇␡�␀␍q")
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        #expect(SafeText.line(bytes: [0x61, 0xFF, 0x62, 0xC3], width: 10) == "a\u{FFFD}b\u{FFFD}")
        #expect(SafeText.line(bytes: Array("ok 中".utf8), width: 10) == "ok 中")
    }

    @Test func bidiOverridesAreNeutralised() {
        #expect(SafeText.line("abc\u{202E}def\u{2066}g\u{200F}", width: 20) == "abc\u{FFFD}def\u{FFFD}g\u{FFFD}")
    }

    @Test func combiningMarkFloodsAreCut() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 100) + "b"
        let cleaned = SafeText.clean(zalgo).text
        #expect(cleaned.unicodeScalars.count == 1 + SafeText.maxCombining + 1)
        #expect(TextWidth.of(cleaned) == 2)
    }

    @Test func truncationNeverSplitsWideCharacters() {
        #expect(SafeText.truncate("中文中文", width: 5) == "中文…")
        #expect(SafeText.truncate("中文中文", width: 4) == "中…")
        #expect(SafeText.truncate("中文", width: 4) == "中文")
        #expect(SafeText.truncate("abc", width: 3, forceEllipsis: true) == "ab…")
        #expect(SafeText.line("abcdef", width: 0) == "")
    }

    @Test func hugeValuesAreCutEarly() {
        let huge = String(repeating: "x", count: 5_000_000) + "\u{1B}[2J"
        #expect(SafeText.line(huge, width: 20) == String(repeating: "x", count: 19) + "…")
        let bytes = [UInt8](repeating: 0x41, count: 5_000_000)
        #expect(SafeText.line(bytes: bytes, width: 8) == "AAAAAAA…")
        #expect(SafeText.wrap(huge, width: 10, maxLines: 2) == ["xxxxxxxxxx", "xxxxxxxxx…"])
    }

    @Test func wrapsWordsAndHardBreaksLongOnes() {
        #expect(SafeText.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(SafeText.wrap("abcdefghijkl xy", width: 5) == ["abcde", "fghij", "kl xy"])
        #expect(SafeText.wrap("a\nb\r\nc", width: 5) == ["a", "b", "c"])
        #expect(SafeText.wrap("one two three four", width: 4, maxLines: 2) == ["one", "two…"])
        #expect(SafeText.wrap("\tat Foo.bar(\u{1B}x)", width: 40) == ["    at Foo.bar(␛x)"])
        #expect(SafeText.wrap("中文中文中", width: 5) == ["中文", "中文", "中"])
    }
}
