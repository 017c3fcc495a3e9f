/// An editable single-line text field as a value: the text and a cursor, edited by the pure
/// update code on the main thread, drawn with horizontal scrolling so the cursor stays visible.
///
/// Positions count Characters (grapheme clusters), so the cursor never lands inside an emoji.
public struct TextInput: Hashable, Sendable, Widget {
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int
    /// Longest accepted text, in Characters (protects against pasted megabytes).
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 512) {
        self.maxLength = maxLength
        self.characters = Array(text.prefix(maxLength))
        self.cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ ch: Character) {
        guard characters.count < maxLength, !SafeText.needsReplacement(ch) else { return }
        characters.insert(ch, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ s: String) { for ch in s { insert(ch) } }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-W: deletes the word before the cursor (and the spaces between it and the cursor).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1] == " " { start -= 1 }
        while start > 0 && characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    /// A key typed into the field: editing keys as the keymap's `.textInput` context binds them,
    /// printable characters as text. True when the field used the key.
    public mutating func handle(_ key: Key, keymap: Keymap = .standard) -> Bool {
        if let action = keymap.action(for: key, in: [.textInput]) { return apply(action) }
        guard case .char(let c) = key else { return false }
        insert(c)
        return true
    }

    /// An editing action; false for actions a field does not perform.
    public mutating func apply(_ action: KeyAction) -> Bool {
        switch action {
        case .deleteBackward: backspace()
        case .deleteForward: delete()
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .cursorHome: moveHome()
        case .cursorEnd: moveEnd()
        case .deleteToStart: deleteToStart()
        case .deleteWord: deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Draws the field in one row: text in `style`, the cursor cell in `cursorStyle` (a reverse
    /// block, since the terminal cursor stays hidden). Scrolls so the cursor is visible.
    public func render(area: Rect, buffer: inout ScreenBuffer, style: Style, cursorStyle: Style, focused: Bool) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        let widths = characters.map { TextWidth.of($0) }
        // Choose the first visible character so the cursor cell (1 column) fits at the right.
        var start = 0
        var span = 1
        var i = cursor
        while i > 0 && span + widths[i - 1] <= row.width {
            span += widths[i - 1]
            i -= 1
        }
        start = i
        var x = row.x
        var index = start
        while index < characters.count && x < row.right {
            let s = focused && index == cursor ? style.patch(cursorStyle) : style
            let n = buffer.set(character: characters[index], at: Position(x: x, y: row.y), style: s, clip: row)
            if n == 0 && widths[index] > 0 { break }
            x += n
            index += 1
        }
        if focused && cursor == characters.count && x < row.right {
            buffer.set(character: " ", at: Position(x: x, y: row.y), style: style.patch(cursorStyle), clip: row)
        }
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        render(area: area, buffer: &buffer, style: .plain, cursorStyle: Style(reverse: true), focused: true)
    }
}
