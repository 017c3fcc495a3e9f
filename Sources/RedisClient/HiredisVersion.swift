import CHiredis

/// The hiredis version opsdeck was built against (its header's numbers; hiredis 0.14 has no
/// run-time version call), for `opsdeck --version`. Constants; thread-safe.
public enum HiredisVersion {
    /// "0.14.1".
    public static let text = "\(HIREDIS_MAJOR).\(HIREDIS_MINOR).\(HIREDIS_PATCH)"
}
