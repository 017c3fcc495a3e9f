/// Reads query text into `ErrorQuery.Clause`s. Internal to `ErrorQuery`; a value used once.
///
/// It never fails on punctuation: anything that is not a word character only separates words.
/// The only structure it recognises is `"phrase"` (an unbalanced quote runs to the end),
/// `field:value`, `field:"phrase"`, `field:(words)` and a `*` right after a word. It fails only
/// for an unknown field name, because silently searching `foo:bar` as words would hide a typo.
struct ErrorQueryParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var clauses: [ErrorQuery.Clause] = []
    private(set) var ignored: [String] = []
    private(set) var droppedStopwords: [String] = []
    private let text: String

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    mutating func parse() throws(OperationsError) {
        while true {
            skipSpaces()
            guard position < scalars.count else { return }
            if scalars[position] == "\"" {
                position += 1
                addPhrase(readUntil("\""), field: nil)
            } else if let field = try fieldPrefix() {
                readValue(field: field)
            } else {
                addWords(readChunk(), field: nil)
            }
        }
    }

    // MARK: - Lexing

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
    }

    /// Everything up to the next whitespace.
    private mutating func readChunk() -> [Unicode.Scalar] {
        let start = position
        while position < scalars.count, !scalars[position].properties.isWhitespace { position += 1 }
        return Array(scalars[start..<position])
    }

    /// Everything up to `terminator` (consumed) or the end.
    private mutating func readUntil(_ terminator: Unicode.Scalar) -> [Unicode.Scalar] {
        let start = position
        while position < scalars.count, scalars[position] != terminator { position += 1 }
        let content = Array(scalars[start..<position])
        if position < scalars.count { position += 1 }
        return content
    }

    /// `[@]letters:` directly followed by a value. `Exception: 5` (a space after the colon) and
    /// `Main.java:12` (not only letters before it) are text, not fields.
    private mutating func fieldPrefix() throws(OperationsError) -> ErrorField? {
        var index = position
        if scalars[index] == "@" { index += 1 }
        let nameStart = index
        while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic { index += 1 }
        guard index > nameStart, index + 1 < scalars.count, scalars[index] == ":",
            !scalars[index + 1].properties.isWhitespace
        else { return nil }
        let name = String(String.UnicodeScalarView(scalars[position..<index]))
        guard let field = ErrorField(queryName: name) else {
            throw .invalidInput(
                "unknown field '\(name)' in '\(ErrorQuery.shown(text))': use one of \(ErrorField.helpList); "
                    + "or put the text in quotes (\"\(name):...\") to search for it as words")
        }
        position = index + 1
        return field
    }

    private mutating func readValue(field: ErrorField) {
        switch scalars[position] {
        case "\"":
            position += 1
            addPhrase(readUntil("\""), field: field)
        case "(":
            position += 1
            addWords(readUntil(")"), field: field)
        default:
            addWords(readChunk(), field: field)
        }
    }

    // MARK: - Building clauses

    /// Adds each word of `chunk`; a word directly followed by `*` is a prefix.
    private mutating func addWords(_ chunk: [Unicode.Scalar], field: ErrorField?) {
        var index = 0
        while index < chunk.count {
            guard ErrorTokenizer.isWordScalar(chunk[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < chunk.count, ErrorTokenizer.isWordScalar(chunk[index]) { index += 1 }
            let word = String(String.UnicodeScalarView(chunk[start..<index]))
            let prefix = index < chunk.count && chunk[index] == "*"
            addWord(word, prefix: prefix, field: field)
        }
    }

    private mutating func addWord(_ word: String, prefix: Bool, field: ErrorField?) {
        guard ErrorTokenizer.isSearchable(word) else { return }
        if prefix {
            // The servers expand one-character prefixes to nothing (verified on 1.2 and 2.10).
            guard word.count >= 2 else {
                ignored.append("\(word)* (a prefix needs at least 2 characters)")
                return
            }
        } else if ErrorTokenizer.isStopword(word) {
            droppedStopwords.append(word)
            ignored.append("\(word) (a common word the index does not keep)")
            return
        }
        append(.init(field: field, term: .word(word, prefix: prefix)))
    }

    /// A phrase keeps its words in order; stopwords leave it (quoting one is a server syntax
    /// error, and the indexer gives them no position, so "module not loaded" still matches
    /// `"module loaded"`); `*` has no meaning inside quotes.
    private mutating func addPhrase(_ content: [Unicode.Scalar], field: ErrorField?) {
        var words: [String] = []
        for word in ErrorTokenizer.words(String(String.UnicodeScalarView(content))) {
            if ErrorTokenizer.isStopword(word) {
                droppedStopwords.append(word)
                ignored.append("\(word) (a common word the index does not keep)")
            } else {
                words.append(word)
            }
        }
        switch words.count {
        case 0: return
        case 1: append(.init(field: field, term: .word(words[0], prefix: false)))
        default: append(.init(field: field, term: .phrase(words)))
        }
    }

    private mutating func append(_ clause: ErrorQuery.Clause) {
        if !clauses.contains(clause) { clauses.append(clause) }
    }
}
