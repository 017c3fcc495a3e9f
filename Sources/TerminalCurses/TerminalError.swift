/// Why the interactive dashboard cannot run in this terminal. Descriptions are complete
/// sentences for the user and point to the scripting subcommands that need no terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (a pipe, a file, CI).
    case notATerminal(stream: String)
    case termNotSet
    case unknownTerminal(String)
    case noCursorAddressing(String)
    case startFailed(String)

    static let scriptingHint =
        "For scripts and pipelines use the subcommands instead: opsdeck toggles|sessions|errors|logs ... (see opsdeck --help)."

    public var description: String {
        let problem: String
        switch self {
        case .notATerminal(let stream):
            problem = "opsdeck's dashboard needs an interactive terminal, but \(stream) is not a TTY."
        case .termNotSet:
            problem = "opsdeck's dashboard needs the TERM environment variable (e.g. TERM=xterm-256color)."
        case .unknownTerminal(let term):
            problem = "opsdeck's dashboard does not know the terminal type TERM=\(term) (no terminfo entry); try TERM=xterm-256color."
        case .noCursorAddressing(let term):
            problem = "the terminal TERM=\(term) cannot move the cursor (no 'cup' capability), so the dashboard cannot draw."
        case .startFailed(let term):
            problem = "could not start curses on TERM=\(term)."
        }
        return problem + " " + TerminalError.scriptingHint
    }
}
