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

/// Clusters terminals disagree on are drawn as parts they agree on, at the measured width.
@Suite struct DrawableClusterTests {
    @Test func drawableFormsKeepTheMeasuredWidthAndLoseJoinersAndIndicators() {
        let cases: [(Character, String?)] = [
            ("👩‍💻", "👩"), ("👨‍👩‍👧", "👨"), ("🇩🇪", "DE"), ("❤‍🔥", "❤ "), ("a\u{200D}", "a"),
            ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "🏴"),
            ("a", nil), ("中", nil), ("👍🏽", nil), ("❤️", nil), ("é", nil), ("🚀", nil),
        ]
        for (ch, expected) in cases {
            let drawn = SafeText.drawable(ch)
            #expect(drawn == expected, "\(String(ch).unicodeScalars.map { String($0.value, radix: 16) })")
            if let drawn {
                #expect(TextWidth.of(drawn) == TextWidth.of(ch), "\(drawn) keeps the measured width")
                #expect(!drawn.unicodeScalars.contains { $0.value == 0x200D || (0x1F1E6...0x1F1FF).contains($0.value) })
            }
        }
    }

    @Test func theBufferDrawsAFlagAsTwoCells() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        let used = buffer.set(string: "x🇩🇪👩‍💻|", at: Position(x: 0, y: 0), style: Style())
        #expect(used == 6)
        #expect(buffer[1, 0].symbol == "D" && buffer[2, 0].symbol == "E" && buffer[3, 0].symbol == "👩" && buffer[5, 0].symbol == "|")
    }
}

@Suite struct AsciiFallbackTests {
    @Test func everyCellBecomesASCII() {
        for symbol in ["┌", "─", "│", "┘", "…", "·", "→", "日", "👩", "é", "␛", "\u{FFFD}", "a", " "] {
            let ascii = AsciiFallback.symbol(symbol)
            #expect(ascii.unicodeScalars.count == 1 && ascii.unicodeScalars.allSatisfy(\.isASCII), "\(symbol) → \(ascii)")
        }
        #expect(AsciiFallback.symbol("┌") == "+" && AsciiFallback.symbol("─") == "-" && AsciiFallback.symbol("│") == "|")
        #expect(AsciiFallback.symbol("x") == "x")
    }
}
