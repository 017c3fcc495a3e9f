import Foundation
import LocalRedis

/// A real program running in a real terminal, for end-to-end tests: the program runs in a tmux
/// server of its own, on a socket in a fresh temporary directory, so it never meets the user's
/// tmux or another test's session, and `close()` kills only that server.
///
/// Tests send keys and wait for the screen to show something; every wait has a deadline and a
/// failed wait throws an error that carries the last screen seen, so a failing test shows what
/// the program actually displayed.
///
/// Threading: not `Sendable`. One test owns a session and calls it from one thread; the class
/// keeps no locks. Each call runs the `tmux` client synchronously.
public final class TerminalSession {
    /// Why a session could not start, a command failed, or a wait ran out of time.
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        /// The screen when the failure happened (empty when there was none yet).
        public let screen: String

        public init(message: String, screen: String) {
            self.message = message
            self.screen = screen
        }

        public var description: String {
            screen.isEmpty ? message : "\(message)\nlast screen:\n\(Self.frame(screen))"
        }

        /// Draws the screen in a box so trailing blanks and empty lines stay visible in logs.
        static func frame(_ screen: String) -> String {
            var lines = screen.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            let width = lines.map(\.count).max() ?? 0
            let rule = String(repeating: "-", count: width)
            return
                (["+\(rule)+"] + lines.map { "|\($0.padding(toLength: width, withPad: " ", startingAt: 0))|" }
                + ["+\(rule)+"]).joined(separator: "\n")
        }
    }

    /// The environment every program gets unless `environment` overrides it: a UTF-8 locale,
    /// a 256-colour terminal and a short Esc delay so a bare Escape arrives at once.
    public static let defaultEnvironment = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "ESCDELAY": "25"]

    public private(set) var columns: Int
    public private(set) var rows: Int
    private let tmux: String
    private let directory: String
    private let socket: String
    private let statusPath: String
    private var pane = ""
    private var closed = false

    /// Starts `command` (program and arguments, run directly without a shell) in a terminal of
    /// `columns` x `rows` cells. `LINES` and `COLUMNS` are removed from its environment, since
    /// ncurses would prefer them to the terminal's real size.
    /// Throws when tmux is missing (naming the package to install) or the session cannot start.
    public init(
        command: [String],
        environment: [String: String] = [:],
        columns: Int = 80,
        rows: Int = 24
    ) throws {
        guard let tmux = ChildProcess.findExecutable("tmux") else {
            throw Failure(
                message: "tmux is not installed; end-to-end tests need it: apt-get install -y tmux (scripts/setup test installs it)",
                screen: "")
        }
        precondition(!command.isEmpty, "TerminalSession needs a command to run")
        self.tmux = tmux
        self.columns = columns
        self.rows = rows
        // Under /tmp rather than $TMPDIR: a Unix socket path must stay under ~100 bytes.
        let base = ProcessInfo.processInfo.environment["OPSDECK_TEST_ROOT"] ?? "/tmp"
        var template = Array("\(base)/opsdeck-tty.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(message: "cannot create a temporary directory under \(base)", screen: "")
        }
        directory = String(cString: made)
        socket = directory + "/sock"

        statusPath = directory + "/exit-status"

        // The program runs under a small sh wrapper that records its exit status in a file and
        // then keeps the pane open: when a pane's process exits at once, tmux 3.3 can drop its
        // last output before capture-pane sees it. `trap :` (a handler, unlike `trap ''`, is not
        // inherited) lets C-c reach the program without ending the wrapper. $0 is the status file,
        // written whole through a rename so a reader never sees it empty.
        let wrapper = "trap : INT QUIT; \"$@\"; echo $? > \"$0.new\"; mv \"$0.new\" \"$0\"; exec sleep infinity"
        // The dashboard keeps its history under $XDG_STATE_HOME: a test's goes to its own folder,
        // never the home of whoever runs the tests.
        let env = Self.defaultEnvironment.merging(["XDG_STATE_HOME": directory + "/state"]) { $1 }
            .merging(environment) { _, new in new }
        let program =
            ["env", "-u", "LINES", "-u", "COLUMNS"]
            + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + ["sh", "-c", wrapper, statusPath] + command
        do {
            // remain-on-exit (set in the same tmux call, before anything can exit) keeps the
            // last screen readable even if the wrapper itself is killed.
            pane = try run(
                [
                    "new-session", "-d", "-P", "-F", "#{pane_id}", "-x", "\(columns)", "-y", "\(rows)",
                ] + program + [";", "set-option", "-g", "remain-on-exit", "on"]
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    // MARK: Keys

    /// Sends keys in order. A tmux key name ("Enter", "Escape", "Space", "Tab", "BTab",
    /// "BSpace", "Up", "PageDown", "Home", "F1"..."F12", "C-c", "M-x", ...) is sent as that key;
    /// anything else is typed literally, so `send(keys: "John", "Enter")` types John then
    /// presses Enter. Single characters are literal either way.
    public func send(keys: String...) throws {
        for key in keys {
            if Self.isKeyName(key) {
                try run(["send-keys", "-t", pane, key])
            } else {
                try run(["send-keys", "-t", pane, "-l", "--", key]) // "--": text may start with -
            }
        }
    }

    static func isKeyName(_ key: String) -> Bool {
        let names: Set<String> = [
            "Enter", "Escape", "Space", "Tab", "BTab", "BSpace", "Up", "Down", "Left", "Right",
            "Home", "End", "PageUp", "PgUp", "PageDown", "PgDn", "PPage", "NPage", "IC", "DC",
        ]
        if names.contains(key) { return true }
        if key.count > 1, key.first == "F", let n = Int(key.dropFirst()), (1...12).contains(n) { return true }
        // Modifier prefixes: C-c, M-x, S-Up, C-M-a.
        var rest = Substring(key)
        var modified = false
        while rest.count > 2, let first = rest.first, "CMS".contains(first), rest.dropFirst().first == "-" {
            rest = rest.dropFirst(2)
            modified = true
        }
        return modified && !rest.isEmpty
    }

    // MARK: Screen

    /// The visible screen as plain text, one line per row (`capture-pane -p`). Returns an empty
    /// string if tmux cannot capture (the server is gone); waits then report that.
    public func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", pane])) ?? ""
    }

    /// The visible screen with SGR escape sequences for colours and attributes
    /// (`capture-pane -e -p -N`), for style assertions or for scripts/ansi2png.py.
    public func styledScreen() -> String {
        (try? run(["capture-pane", "-e", "-p", "-N", "-t", pane])) ?? ""
    }

    /// Waits until the screen contains `text`. Returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = roomyDeadline) throws -> String {
        try waitUntil(timeout: timeout, description: "the screen to show \"\(text)\"") { $0.contains(text) }
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass. On timeout (or when
    /// the program exits first) throws a `Failure` that includes the last screen seen.
    @discardableResult
    public func waitUntil(
        timeout: Double = roomyDeadline,
        description: String,
        _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = screen()
            if predicate(current) { return current }
            let running = isRunning
            if !running {
                // The screen above was read before the exit was seen: the program's last output
                // may have reached tmux after it. Read again, briefly, before judging.
                let settled = settledScreen()
                if predicate(settled) { return settled }
                let why = "the program exited (\(exitStatus.map { "status \($0)" } ?? "no status"))"
                throw Failure(message: "waiting for \(description): \(why)", screen: settled)
            }
            if Date() >= deadline {
                throw Failure(message: "waiting for \(description): timed out after \(timeout)s", screen: current)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The screen once the program has exited: tmux reads the pty on its own schedule, so the
    /// last output can land a little after the exit. Reads until two captures 50 ms apart agree
    /// (at most half a second).
    private func settledScreen() -> String {
        var previous = screen()
        for _ in 0..<10 {
            Thread.sleep(forTimeInterval: 0.05)
            let next = screen()
            if next == previous, !next.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return next }
            previous = next
        }
        return previous
    }

    // MARK: Size and lifetime

    /// Resizes the terminal; the program gets SIGWINCH as in a real terminal.
    public func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", pane, "-x", "\(columns)", "-y", "\(rows)"])
        self.columns = columns
        self.rows = rows
    }

    /// Whether the program is still running (false once it exited, or the session is closed).
    public var isRunning: Bool {
        if closed || FileManager.default.fileExists(atPath: statusPath) { return false }
        guard let dead = try? run(["display-message", "-p", "-t", pane, "#{pane_dead}"]) else { return false }
        return dead.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// The program's exit status once it has exited, nil while it runs. A program ended by a
    /// signal reports 128 + the signal number, as a shell does (130 after C-c).
    public var exitStatus: Int32? {
        if let text = try? String(contentsOfFile: statusPath, encoding: .utf8) {
            return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Only if the wrapper itself was killed: tmux knows how the pane ended.
        guard let out = try? run(["display-message", "-p", "-t", pane, "#{pane_dead}:#{pane_dead_status}"])
        else { return nil }
        let parts = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "1" else { return nil }
        return Int32(parts[1])
    }

    /// Process id of this session's tmux server (for tests of the harness itself).
    public func serverProcessID() throws -> Int32 {
        let out = try run(["display-message", "-p", "-t", pane, "#{pid}"])
        guard let pid = Int32(out.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(message: "tmux reported no server pid: \(out)", screen: "")
        }
        return pid
    }

    /// From now on, appends every byte the program writes to its terminal (escape sequences
    /// included, before tmux interprets them) to the file at `path` (tmux `pipe-pane -O`).
    public func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-O", "-t", pane, "cat >> '\(path)'"])
    }

    /// Kills this session's tmux server (and with it the program) and removes the temporary
    /// directory. Only our server: the socket is private. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: tmux

    /// Runs one tmux client command on our socket and returns its standard output.
    ///
    /// Spawned directly rather than with Foundation's `Process`, for two reasons seen here: the
    /// tmux server forks from this client and inherits its signal mask, and test runner threads
    /// block most signals, so a server started through `Process` ignored SIGCHLD and SIGTERM
    /// (dead panes never noticed, `kill` had no effect); and `Process` notices an exit only
    /// through its run loop, which hung a test. Output goes through files in our directory, not
    /// pipes, so nothing can wait on a pipe end that the daemonised server still holds.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outPath = directory + "/tmux.out"
        let errPath = directory + "/tmux.err"
        // Without TMUX: inside a tmux session, tmux would refuse to start a nested one.
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
        let status: Int32
        do {
            let client = try ChildProcess(
                path: tmux, arguments: ["-S", socket, "-f", "/dev/null"] + arguments, environment: environment,
                stdout: .file(outPath), stderr: .file(errPath), ownProcessGroup: false)
            status = client.wait()
        } catch {
            throw Failure(message: "cannot run tmux: \(error)", screen: "")
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "tmux \(arguments.first ?? "") failed: \(message)", screen: "")
        }
        return output
    }
}
