import CCurses

/// The ncurses library linked at run time, as it names itself ("ncurses 6.4.20221231"), for
/// `opsdeck --version`. Reading it starts no terminal; any thread.
public enum CursesVersion {
    public static var text: String { String(cString: curses_version()) }
}
