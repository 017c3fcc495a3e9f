import RedisClient
import TerminalCurses

/// What `opsdeck --version` prints: opsdeck's own version and the C libraries it links, since
/// a bug report needs all three. Constants; thread-safe.
enum VersionInfo {
    /// opsdeck's release number; raised with each release.
    static let number = "0.16.0"

    static var text: String {
        "opsdeck \(number)\nhiredis \(HiredisVersion.text)\n\(CursesVersion.text)"
    }
}
