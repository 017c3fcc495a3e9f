import RedisClient

/// Where a toggle's audit trail lives: one list per toggle, `<audit-key>:{<tag>}…`, whose hash
/// tag is the part of the toggle's key that Redis Cluster hashes. The toggle and its audit list
/// are then always in the same slot, so the flip script may write both atomically on a
/// cluster too (a script over keys of two slots is refused as CROSSSLOT).
///
/// Before per-toggle lists, every flip went to the one list `<audit-key>`; it is still read
/// (never written), so nothing recorded earlier is lost (docs/DECISIONS.md, "The audit on a
/// cluster").
public enum AuditKey {
    /// `opsdeck:audit:{useNewAlgorithm}` for the toggle key `useNewAlgorithm`; for a key with a
    /// tag of its own, `{app}:checkout` → `opsdeck:audit:{app}:{app}:checkout`.
    public static func forToggle(_ key: RedisKey, base: String) -> RedisKey {
        let hashed = HashSlot.hashedPart(of: key.bytes)
        var bytes = Array(base.utf8) + Array(":{".utf8) + hashed + [UInt8(ascii: "}")]
        if hashed.count != key.bytes.count { bytes += [UInt8(ascii: ":")] + key.bytes }
        return RedisKey(bytes: bytes)
    }

    /// The SCAN pattern that finds every toggle's audit list.
    public static func pattern(base: String) -> String {
        // `{` is not special in SCAN's glob; `*`, `?`, `[` and `\` in a configured base are.
        var escaped = ""
        for character in base {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + ":{*"
    }
}
