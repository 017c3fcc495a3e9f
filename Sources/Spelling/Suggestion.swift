/// Did-you-mean: the known word closest to what someone typed. The one rule behind every
/// suggestion opsdeck makes (config keys, toggle and log source names, subcommands, theme roles),
/// so they all forgive the same mistakes. A pure namespace; thread-safe.
///
/// Letter case never counts as a mistake (`usenewalgorithm` → `useNewAlgorithm`); otherwise the
/// closest candidate by edit distance (insertions, deletions, substitutions and swaps of two
/// neighbours, compared case-insensitively) is suggested when it is within a quarter of the
/// typed length (at least 1 edit), so `lst` → `list`, `ulr` → `url`, `prodution` → `production`,
/// but `bogus` does not suggest `logs`.
public enum Suggestion {
    /// The closest candidate to `typed`, or nil when none is close enough. Ties go to the
    /// candidate listed first (callers pass them sorted).
    public static func closest<S: Sequence>(to typed: String, among candidates: S) -> String? where S.Element == String {
        let folded = typed.lowercased()
        let all = Array(candidates)
        if let sameLetters = all.first(where: { $0.lowercased() == folded && $0 != typed }) { return sameLetters }
        let limit = max(1, folded.count / 4)
        var best: (word: String, distance: Int)?
        for candidate in all where candidate != typed {
            let distance = Self.distance(folded, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// `did you mean 'X'?` for the closest candidate, or nil: the one phrasing of suggestions.
    public static func didYouMean<S: Sequence>(_ typed: String, among candidates: S) -> String? where S.Element == String {
        closest(to: typed, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Edit distance (optimal string alignment: insert, delete, substitute, swap neighbours)
    /// between two strings, by Character.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
