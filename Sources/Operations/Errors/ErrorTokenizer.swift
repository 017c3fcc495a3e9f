/// Splits text into search words the way RediSearch's indexer does, so a query built from these
/// words can neither be a syntax error nor mean something other than what was typed, and so the
/// client-side fallback matches what the server would.
///
/// Verified on RediSearch 1.2 and 2.10 (docs/errors.md, "The query language"): every ASCII punctuation character
/// and whitespace separates words; `_`, letters, digits and every non-ASCII character (`ö`, `日`,
/// emoji) belong to words. A query made only of such word characters, joined by spaces, is always
/// valid — except a word of underscores alone, which both generations' query lexers reject in a
/// group or phrase (`@fingerPrint:(_)` is "Syntax error at offset 15"; found by QueryFuzzTests):
/// such a run separates words like punctuation. Case folding on the server is ASCII-only; `fold` folds all of Unicode, which can only
/// find more on the client side, never less. A pure namespace of functions; thread-safe.
public enum ErrorTokenizer {
    /// RediSearch's default stopword list (the same in 1.x and 2.x). The indexer does not keep
    /// these words, so searching for one finds nothing and quoting one is a syntax error: queries
    /// drop them and say so.
    public static let stopwords: Set<String> = [
        "a", "is", "the", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
        "it", "no", "not", "of", "on", "or", "such", "that", "their", "then", "there", "these", "they",
        "this", "to", "was", "will", "with",
    ]

    /// True for a character that belongs to a word (see the type's documentation).
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0x00..<0x80: return false
        default:
            // Unicode spaces and controls separate words for people, even though the server's
            // indexer would glue them into a word; nobody types them on purpose.
            let properties = scalar.properties
            return !properties.isWhitespace && properties.generalCategory != .control
                && properties.generalCategory != .format
        }
    }

    static func isUnderscores(_ word: String.UnicodeScalarView) -> Bool { word.allSatisfy { $0 == "_" } }

    /// False for a run of word characters that is not a searchable word (underscores alone).
    public static func isSearchable(_ word: String) -> Bool { !isUnderscores(word.unicodeScalars) }

    /// The words of `text`, in order, as typed (not folded).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                if !isUnderscores(current) { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty && !isUnderscores(current) { words.append(String(current)) }
        return words
    }

    /// The folded, non-stopword words of a document field, for client-side matching.
    public static func indexWords(_ text: String) -> [String] {
        words(text).map(fold).filter { !stopwords.contains($0) }
    }

    /// Case folding used for comparisons.
    public static func fold(_ word: String) -> String { word.lowercased() }

    public static func isStopword(_ word: String) -> Bool { stopwords.contains(fold(word)) }
}
