/// A search over error records in the language people already type: free words, `field:value`
/// (field names case-insensitive, with aliases such as `toggle:`, `dev:`, `exception:`),
/// `word*` prefixes, `"quoted phrases"` and `field:(several words)`. All parts must match.
///
/// It is translated, not passed through: the text is cut into words with `ErrorTokenizer`
/// (punctuation only separates words), so the RediSearch query built from it can never be a
/// syntax error and never means something else than what was typed (`not-loaded` is the two
/// words "not" and "loaded", never NOT "loaded"). Stopwords, which the index does not keep, are
/// dropped and listed in `ignored`. The same value drives the client-side fallback (`matches`),
/// so every backend answers the same question. An immutable value; `Sendable`.
public struct ErrorQuery: Sendable, Hashable, CustomStringConvertible {
    /// One searchable thing: a word (optionally a prefix) or a phrase of 2+ words in order.
    public enum Term: Sendable, Hashable {
        case word(String, prefix: Bool)
        case phrase([String])
    }

    /// A term, either anywhere in a record (`field == nil`) or in one field.
    public struct Clause: Sendable, Hashable {
        public var field: ErrorField?
        public var term: Term

        public init(field: ErrorField?, term: Term) {
            self.field = field
            self.term = term
        }
    }

    /// What was typed.
    public let text: String
    /// What is searched for; never empty.
    public let clauses: [Clause]
    /// Parts of the input that were left out, with why (stopwords, one-letter prefixes).
    public let ignored: [String]

    /// Parses `text`; throws `.invalidInput` with what to type instead when nothing searchable is
    /// left or a `field:` name is unknown.
    public init(_ text: String) throws(OperationsError) {
        var parser = ErrorQueryParser(text)
        try parser.parse()
        guard !parser.clauses.isEmpty else {
            let shown = Self.shown(text)
            if parser.droppedStopwords.isEmpty {
                throw .invalidInput(
                    "nothing to search for in '\(shown)': type a word (punctuation and symbols only separate words), "
                        + "e.g. `ArrayIndexOutOfBoundsException` or `toggle:useNewAlgorithm`")
            }
            let words = parser.droppedStopwords.map { "'\($0)'" }.joined(separator: ", ")
            throw .invalidInput(
                "nothing to search for in '\(shown)': \(words) are common words the search index does not keep; "
                    + "type a more specific word")
        }
        self.init(text: text, clauses: parser.clauses, ignored: parser.ignored)
    }

    /// A query from clauses built by code (e.g. a toggle filter); not validated.
    public init(text: String, clauses: [Clause], ignored: [String] = []) {
        self.text = text
        self.clauses = clauses
        self.ignored = ignored
    }

    public var description: String { text }

    /// The RediSearch query (same syntax on 1.x and 2.x): free terms first, then one
    /// `@field:(...)` group per field, all joined by spaces (AND). Only word characters, spaces,
    /// `*` after a word of 2+ characters, quotes around phrases without stopwords, and
    /// `@field:( )` ever appear in it.
    public var redisSearchQuery: String {
        var parts: [String] = []
        let free = clauses.filter { $0.field == nil }.map { Self.render($0.term) }
        if !free.isEmpty { parts.append(free.joined(separator: " ")) }
        for field in ErrorField.allCases {
            let scoped = clauses.filter { $0.field == field }.map { Self.render($0.term) }
            if !scoped.isEmpty { parts.append("@\(field.rawValue):(" + scoped.joined(separator: " ") + ")") }
        }
        return parts.joined(separator: " ")
    }

    /// Folded words to highlight in results; prefixes end with `*` (see `highlightRanges`).
    public var matchedTerms: [String] {
        var terms: [String] = []
        for clause in clauses {
            switch clause.term {
            case .word(let word, let prefix): terms.append(ErrorTokenizer.fold(word) + (prefix ? "*" : ""))
            case .phrase(let words): terms += words.map(ErrorTokenizer.fold)
            }
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    /// The ranges of the words in `text` that one of `matchedTerms` matches, for highlighting.
    public func highlightRanges(in text: String) -> [Range<String.Index>] {
        let terms = matchedTerms
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.unicodeScalars.startIndex
        func close(at end: String.Index) {
            guard let begin = start else { return }
            let word = ErrorTokenizer.fold(String(text.unicodeScalars[begin..<end]))
            if terms.contains(where: { Self.term($0, matches: word) }) { ranges.append(begin..<end) }
            start = nil
        }
        while index < text.unicodeScalars.endIndex {
            if ErrorTokenizer.isWordScalar(text.unicodeScalars[index]) {
                if start == nil { start = index }
            } else {
                close(at: index)
            }
            index = text.unicodeScalars.index(after: index)
        }
        close(at: text.unicodeScalars.endIndex)
        return ranges
    }

    /// Client-side matching with the server's semantics: every clause must match; a word matches
    /// a whole word (or its beginning, for a prefix), case-insensitively; a phrase matches its
    /// words in order within one field; stopwords are skipped on both sides. Unlike the server,
    /// it does not stem (`exception` does not find `exceptions`).
    public func matches(_ record: ErrorRecord) -> Bool {
        var cache: [ErrorField: [String]] = [:]
        func words(_ field: ErrorField) -> [String] {
            if let cached = cache[field] { return cached }
            let computed = ErrorTokenizer.indexWords(record.value(of: field))
            cache[field] = computed
            return computed
        }
        return clauses.allSatisfy { clause in
            let fields = clause.field.map { [$0] } ?? ErrorField.allCases
            return fields.contains { Self.term(clause.term, matchesWords: words($0)) }
        }
    }

    // MARK: - Helpers

    static func render(_ term: Term) -> String {
        switch term {
        case .word(let word, let prefix): return word + (prefix ? "*" : "")
        case .phrase(let words): return "\"" + words.joined(separator: " ") + "\""
        }
    }

    static func term(_ term: Term, matchesWords words: [String]) -> Bool {
        switch term {
        case .word(let word, let prefix):
            let folded = ErrorTokenizer.fold(word)
            return words.contains { prefix ? $0.hasPrefix(folded) : $0 == folded }
        case .phrase(let phrase):
            let folded = phrase.map(ErrorTokenizer.fold)
            guard folded.count <= words.count else { return false }
            return (0...(words.count - folded.count)).contains { start in
                Array(words[start..<(start + folded.count)]) == folded
            }
        }
    }

    private static func term(_ term: String, matches word: String) -> Bool {
        term.hasSuffix("*") ? word.hasPrefix(term.dropLast()) : word == term
    }

    /// The input as shown in messages: control characters made harmless, long input cut.
    static func shown(_ text: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? " " : $0
                }))
        return cleaned.count > 80 ? String(cleaned.prefix(77)) + "..." : cleaned
    }
}
