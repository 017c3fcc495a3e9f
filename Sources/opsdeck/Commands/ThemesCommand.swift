import ArgumentParser
import Dashboard

/// `opsdeck themes list`: the built-in themes `--theme NAME` accepts. Main thread; no I/O
/// beyond stdout.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the built-in themes (--theme NAME; --theme PATH for a file of your own).",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in themes; the default is marked.")

        func run() throws {
            Output.table(
                ["NAME", "DEFAULT"],
                ThemeLoader.builtInNames.map { name in
                    [name, name == ThemeLoader.defaultName ? "*" : ""]
                })
        }
    }
}
