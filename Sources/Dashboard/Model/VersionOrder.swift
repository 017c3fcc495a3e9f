/// Orders release numbers as versions (`2.5` < `2.10` < `10.0`), not as text. Stateless.
///
/// Pieces are split at anything that is not a letter or digit; numeric pieces compare by value,
/// others case-insensitively; a missing piece sorts first (`2.5` < `2.5.1`).
public enum VersionOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let pa = pieces(a), pb = pieces(b)
        for (x, y) in zip(pa, pb) where x != y {
            switch (Int(x), Int(y)) {
            case let (nx?, ny?): return nx < ny
            case (.some, nil): return true   // numbers before words: 2.0 < 2.beta
            case (nil, .some): return false
            case (nil, nil): return x.lowercased() < y.lowercased()
            }
        }
        return pa.count < pb.count
    }

    static func pieces(_ s: String) -> [String] {
        s.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
