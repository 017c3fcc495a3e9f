import ArgumentParser
import Operations
import Spelling

/// Puts the command line in the order argument-parser needs, and catches mistyped subcommands
/// before it does. Pure; main thread, once, before parsing.
///
/// - Connection options typed before the subcommand, as people type them for redis-cli
///   (`opsdeck -s /run/redis.sock logs tail`, or `opsdeck logs -s … tail`), are moved after the
///   subcommand's full name, where argument-parser looks for them. Which leading words are options is decided by parsing them
///   as `ConnectionOptions`, so every option added there (TLS…) moves too.
/// - A word where a subcommand belongs that names none (`toggles lst`) is a usage error with
///   the closest subcommand (`Suggestion`), instead of "Unexpected argument".
enum ArgumentOrder {
    /// `arguments` without the program name, reordered; throws `.invalidInput` for an unknown subcommand.
    static func normalized(_ arguments: [String], root: any ParsableCommand.Type = Opsdeck.self) throws -> [String] {
        var path: [String] = [], moved: [String] = []
        var rest = arguments[...]
        var command = root
        while let word = rest.first {
            if let next = command.configuration.subcommands.first(where: { names(of: $0).contains(word) }) {
                path.append(word)
                command = next
                rest = rest.dropFirst()
            } else if word.hasPrefix("-"), let split = subcommandStart(Array(rest), under: command) {
                moved += rest.prefix(split)
                rest = rest.dropFirst(split)
            } else {
                break
            }
        }
        let ordered = path + moved + rest
        try checkSubcommands(ordered, root: root)
        return ordered
    }

    /// The index of the subcommand after leading options, preferring the first split at which
    /// the leading words parse as connection options; nil when there is no subcommand.
    private static func subcommandStart(_ arguments: [String], under command: any ParsableCommand.Type) -> Int? {
        let names = Set(command.configuration.subcommands.flatMap(names(of:)))
        let splits = arguments.indices.filter { $0 > 0 && names.contains(arguments[$0]) && arguments[$0 - 1] != "--" }
        return splits.first { (try? ConnectionOptions.parse(Array(arguments[..<$0]))) != nil } ?? splits.first
    }

    /// The subcommand names at the start of `arguments` and the command they lead to.
    private static func walk(_ arguments: [String], from root: any ParsableCommand.Type)
        -> (path: [String], command: any ParsableCommand.Type)
    {
        var command = root
        var path: [String] = []
        for word in arguments {
            guard let next = command.configuration.subcommands.first(where: { names(of: $0).contains(word) }) else { break }
            path.append(word)
            command = next
        }
        return (path, command)
    }

    /// Refuses a word that stands where a subcommand must be and names none.
    private static func checkSubcommands(_ arguments: [String], root: any ParsableCommand.Type) throws {
        let (path, command) = walk(arguments, from: root)
        let subcommands = command.configuration.subcommands
        guard !subcommands.isEmpty, path.count < arguments.count else { return }
        let word = arguments[path.count]
        guard !word.hasPrefix("-"), word != "help" else { return }
        // Below the root a group without a default needs a subcommand; at the root (default:
        // the dashboard, which takes no words) any first word must be one.
        guard command.configuration.defaultSubcommand == nil || path.isEmpty else { return }
        let known = subcommands.flatMap(names(of:))
        let commandLine = (["opsdeck"] + path).joined(separator: " ")
        let hint = Suggestion.didYouMean(word, among: known).map { " (\($0))" } ?? ""
        throw OperationsError.invalidInput(
            "unknown command '\(word)' for '\(commandLine)'\(hint). Commands: \(known.joined(separator: ", ")); "
                + "see '\(commandLine) --help'.")
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command.configuration.commandName ?? command._commandName] + command.configuration.aliases
    }
}
