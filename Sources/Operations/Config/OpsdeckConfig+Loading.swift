import Foundation
import Yams

/// Finding, reading and strictly checking the config file. Pure apart from reading the file;
/// thread-safe.
extension OpsdeckConfig {
    /// Where the config file is looked for, in order: `--config`, `$OPSDECK_CONFIG`,
    /// `$XDG_CONFIG_HOME/opsdeck/config.yaml`, `~/.config/opsdeck/config.yaml`. The first two
    /// name a file that must exist; of the last two the first that exists is used.
    public static func candidates(path: String?, environment: [String: String]) -> (explicit: String?, defaults: [String]) {
        if let explicit = path ?? environment["OPSDECK_CONFIG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (explicit, [])
        }
        var defaults: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { defaults.append(xdg + "/opsdeck/config.yaml") }
        if let home = environment["HOME"], !home.isEmpty { defaults.append(home + "/.config/opsdeck/config.yaml") }
        return (nil, defaults)
    }

    /// The config file in use, or nil when there is none (which is fine: an empty config).
    public static func locate(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(OperationsError) -> String?
    {
        let (explicit, defaults) = candidates(path: path, environment: environment)
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else {
                throw .invalidInput("config file \(explicit) does not exist")
            }
            return explicit
        }
        return defaults.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Loads the config from where `locate` finds it; an empty config when there is no file.
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(OperationsError) -> (config: OpsdeckConfig, file: String?)
    {
        guard let file = try locate(path: path, environment: environment) else { return (OpsdeckConfig(), nil) }
        return (try parse(try read(file), file: file), file)
    }

    /// The text of a config file.
    public static func read(_ file: String) throws(OperationsError) -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .invalidInput("cannot read config file \(file): \(error.localizedDescription)")
        }
    }

    /// Parses YAML text strictly: malformed YAML, unknown keys (with the closest known one) and
    /// bad values are errors naming the file, the line and the column of each problem.
    public static func parse(_ yaml: String, file: String) throws(OperationsError) -> OpsdeckConfig {
        let node: Node
        switch ConfigValidator.compose(yaml) {
        case .failure(let problem): throw .invalidInput("config file \(file), \(problem)")
        case .success(nil): return OpsdeckConfig()
        case .success(let parsed?): node = parsed
        }
        let problems = ConfigValidator.problems(in: node)
        if let first = problems.first {
            let more = problems.dropFirst().map { "\n  config file \(file), \($0)" }.joined()
            throw .invalidInput("config file \(file), \(first)\(more)")
        }
        do {
            return try YAMLDecoder().decode(OpsdeckConfig.self, from: node)
        } catch {
            throw .invalidInput("config file \(file): \(error)")
        }
    }
}
