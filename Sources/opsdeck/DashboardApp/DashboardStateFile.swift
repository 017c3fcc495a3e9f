import Dashboard
import Foundation
import Operations

#if canImport(Glibc)
    import Glibc
#endif

/// Where one context's remembered input lives (`RememberedInput`: the `:` history, each pane's
/// filter and search history, the saved filters): `$XDG_STATE_HOME/opsdeck/` (else
/// `~/.local/state/opsdeck/`), one JSON file per context. Reads and writes are small and run
/// on the main queue. A file that cannot be read is never overwritten; one that is not valid
/// JSON is kept beside as `….corrupt`; a failed write is said once. Nothing else depends on it.
@MainActor
final class DashboardStateFile {
    let url: URL
    /// Writing is off when the file exists but could not be read: saving would lose it.
    private var writable = true
    /// The last failure said, so a broken disk is said once, not on every key.
    private var failureSaid = false
    private var lastWritten: RememberedInput?

    /// The file for `context` (nil: the default context), or nil when no directory can be
    /// named (no `$HOME`).
    init?(context: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let folder = Self.folder(environment) else { return nil }
        url = folder.appendingPathComponent("history-\(Self.fileName(context ?? "default")).json")
    }

    /// The state directory (`StateFile.directory`: the one XDG rule).
    static func folder(_ environment: [String: String]) -> URL? {
        StateFile.directory(environment).map { URL(fileURLWithPath: $0) }
    }

    /// A context name as a file name: letters, digits, `.`, `-`, `_` as they are, the rest
    /// percent-encoded, so no name can reach outside the folder (`../x`) or clash with another.
    static func fileName(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") || (c == "." && !out.isEmpty) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// What the file holds, and a message when something went wrong (the dashboard starts with
    /// nothing remembered then, and says so).
    func load() -> (RememberedInput, problem: String?) {
        let data: Data
        switch StateFile.read(url.path) {
        case .success(let bytes): data = bytes
        case .failure(let failure) where failure.code == ENOENT || failure.code == ENOTDIR:
            return (RememberedInput(), nil) // nothing there to lose
        case .failure(let failure):
            writable = false
            return (RememberedInput(), "History not kept this time: cannot read \(url.path) (\(failure.reason))")
        }
        do {
            let kept = try JSONDecoder().decode(RememberedInput.self, from: data)
            lastWritten = kept
            return (kept, nil)
        } catch {
            // Kept aside whole, never overwritten: someone may want what was in it.
            let aside = url.path + ".corrupt"
            guard rename(url.path, aside) == 0 else {
                writable = false
                let reason = StateFile.PosixFailure(code: errno).reason
                return (
                    RememberedInput(), "History not kept this time: \(url.path) is not valid and cannot be moved aside (\(reason))"
                )
            }
            return (RememberedInput(), "History file not valid: kept as \(url.lastPathComponent).corrupt, starting afresh (\(url.path))")
        }
    }

    /// Writes `kept` when it changed (whole, through a rename, owner-only); a message the first
    /// time writing fails.
    func save(_ kept: RememberedInput) -> String? {
        // Nothing typed yet and no file: nothing to keep, no file made.
        guard writable, kept != lastWritten ?? RememberedInput() else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(kept) else { return nil }
        if let failure = StateFile.write(data, to: url) {
            guard !failureSaid else { return nil }
            failureSaid = true
            return "Cannot save history (\(failure)); the dashboard goes on (\(url.path))"
        }
        lastWritten = kept
        failureSaid = false
        return nil
    }
}
