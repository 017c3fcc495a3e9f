import Foundation

/// Command-line settings of `opsdeck-bench`. Plain parsing: the flags are few and the target
/// stays free of extra dependencies.
struct BenchOptions: Sendable {
    var toggles = 10_000
    var sessions = 100_000
    var errors = 10_000
    var logLists = 50
    var repeats = 7
    var idleSeconds = 30.0
    var writerSeconds = 5.0
    var writerRate = 1_000
    var quick = false
    /// How long the soak (`--only soak`) keeps the dashboard open.
    var soakSeconds = 600.0
    /// The large profile (`--only large`, issue 17): toggles and sessions for the dashboard,
    /// toggles for `toggles list --json`; each also runs at a tenth of its size.
    var largeToggles = 10_000
    var largeSessions = 1_000_000
    var largeListToggles = 100_000
    /// The error storm (`--only storm`, issue 23): how long the writer runs at 200 errors/s.
    var stormSeconds = 60.0
    /// The big error index (`--only bigindex`, issue 23): records on RediSearch 1.x and 2.x.
    var indexRecords = 1_000_000
    /// Which RediSearch generations `bigindex` runs on (`--index-modules 1,2`).
    var indexModules: Set<Int> = [1, 2]
    /// Figure groups to run (toggles, sessions, search, logs, render, idle, groups); empty = all.
    var only: Set<String> = []

    static let usage = """
        usage: opsdeck-bench [--toggles N] [--sessions N] [--errors N] [--repeats N]
                             [--idle-seconds S] [--writer-seconds S] [--quick] [--only a,b,...]
          --quick   a smoke run: 1,000 toggles, 10,000 sessions, 1,000 errors, 3 repeats, 5 s idle
          --only    any of: toggles, cluster, sessions, search, logs, render, idle, freshness, groups, large, guard,
                    faults, soak (these three run only when named; --soak-seconds S, default 600)
          --large-sessions N --large-toggles N --large-list N
                    the large profile (run only when named in --only): 1,000,000 sessions among
                    10,000 toggles for the dashboard, 100,000 toggles for the CLI, each beside a tenth
          --storm-seconds S --index-records N --index-modules 1,2
                    issue 23's groups (run only when named): `storm` writes 200 errors/s for S s
                    (default 60); `bigindex` loads N records (default 1,000,000) on RediSearch 1.x and 2.x
        """

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var options = BenchOptions()
        var explicit: Set<String> = []
        var index = 0
        func value(_ flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
            return arguments[index]
        }
        func number(_ flag: String) throws(UsageError) -> Int {
            let text = try value(flag)
            guard let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 else {
                throw UsageError("\(flag) needs a positive whole number, not '\(text)'")
            }
            explicit.insert(flag)
            return n
        }
        while index < arguments.count {
            let flag = arguments[index]
            switch flag {
            case "--toggles": options.toggles = try number(flag)
            case "--sessions": options.sessions = try number(flag)
            case "--errors": options.errors = try number(flag)
            case "--repeats": options.repeats = try number(flag)
            case "--idle-seconds":
                options.idleSeconds = Double(try number(flag))
                explicit.insert(flag)
            case "--writer-seconds":
                options.writerSeconds = Double(try number(flag))
                explicit.insert(flag)
            case "--large-sessions": options.largeSessions = try number(flag)
            case "--large-toggles": options.largeToggles = try number(flag)
            case "--large-list": options.largeListToggles = try number(flag)
            case "--quick": options.quick = true
            case "--soak-seconds": options.soakSeconds = Double(try number(flag))
            case "--storm-seconds": options.stormSeconds = Double(try number(flag))
            case "--index-records": options.indexRecords = try number(flag)
            case "--index-modules":
                let modules = Set(try value(flag).split(separator: ",").compactMap { Int($0) })
                guard !modules.isEmpty, modules.isSubset(of: [1, 2]) else { throw UsageError("--index-modules takes 1, 2 or 1,2") }
                options.indexModules = modules
            case "--only":
                let groups = Set(try value(flag).split(separator: ",").map(String.init))
                let known: Set = [
                    "toggles", "cluster", "sessions", "search", "logs", "render", "idle", "freshness", "groups", "large",
                    "faults", "soak", "guard", "storm", "bigindex",
                ]
                if let bad = groups.subtracting(known).first { throw UsageError("unknown group '\(bad)' for --only") }
                options.only = groups
            case "--help", "-h": throw UsageError(nil)
            default: throw UsageError("unknown argument '\(flag)'")
            }
            index += 1
        }
        if options.quick {
            if !explicit.contains("--toggles") { options.toggles = 1_000 }
            if !explicit.contains("--sessions") { options.sessions = 10_000 }
            if !explicit.contains("--errors") { options.errors = 1_000 }
            if !explicit.contains("--repeats") { options.repeats = 3 }
            if !explicit.contains("--idle-seconds") { options.idleSeconds = 5 }
            if !explicit.contains("--writer-seconds") { options.writerSeconds = 3 }
        }
        return options
    }

    /// The large profile takes minutes and loads its own servers: only when named.
    /// So do the fault table and the soak (issue 29, docs/RELIABILITY.md).
    func wants(_ group: String) -> Bool {
        ["large", "faults", "soak", "storm", "bigindex"].contains(group) ? only.contains(group) : only.isEmpty || only.contains(group)
    }

    var settings: [String: String] {
        [
            "toggles": "\(toggles)", "sessions": "\(sessions)", "errors": "\(errors)", "log_lists": "\(logLists)",
            "repeats": "\(repeats)", "idle_seconds": "\(idleSeconds)", "writer_seconds": "\(writerSeconds)",
            "writer_rate": "\(writerRate)", "quick": "\(quick)", "large_toggles": "\(largeToggles)",
            "large_sessions": "\(largeSessions)", "large_list": "\(largeListToggles)",
            "storm_seconds": "\(stormSeconds)", "index_records": "\(indexRecords)",
        ]
    }
}

struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}
