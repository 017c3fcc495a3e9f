import Spelling
import Yams

/// Checks config YAML against `ConfigShape` and reports every problem with its line and column:
/// unknown keys (with the closest known key), values of the wrong kind, values out of range,
/// and YAML that does not parse. A pure namespace; thread-safe.
public enum ConfigValidator {
    /// One problem, located in the file.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The parsed document (nil when empty), or the YAML syntax error as a located problem.
    public static func compose(_ yaml: String) -> Result<Node?, Problem> {
        do {
            return .success(try Yams.compose(yaml: yaml))
        } catch let error as YamlError {
            return .failure(located(error))
        } catch {
            return .failure(Problem(line: 1, column: 1, message: "not valid YAML: \(error)"))
        }
    }

    /// Every problem of `node` against `shape`, in file order.
    public static func problems(in node: Node, shape: ConfigShape = .file, path: [String] = []) -> [Problem] {
        switch shape {
        case .value(let check):
            return check(node).map { [problem(at: node, "\(name(path)) \($0)")] } ?? []
        case .mapping(let keys):
            guard let mapping = node.mapping else {
                return [problem(at: node, "\(path.isEmpty ? "the file" : name(path)) must be a mapping of keys to values")]
            }
            var found: [Problem] = []
            for (key, value) in mapping {
                guard let keyText = key.string else {
                    found.append(problem(at: key, "a key must be text"))
                    continue
                }
                guard let known = keys.first(where: { $0.key == keyText }) else {
                    let suggestion = Suggestion.didYouMean(keyText, among: keys.map(\.key))
                    let place = path.isEmpty ? "" : " in \(name(path))"
                    let hint = suggestion.map { " (\($0))" } ?? " (known: \(keys.map(\.key).joined(separator: ", ")))"
                    found.append(problem(at: key, "unknown key '\(keyText)'\(place)\(hint)"))
                    continue
                }
                found += problems(in: value, shape: known.shape, path: path + [keyText])
            }
            return found
        case .scalarOrMapping(let scalar, let mapping):
            if node.mapping == nil { return problems(in: node, shape: scalar, path: path) }
            var found = problems(in: node, shape: mapping, path: path)
            if node.mapping?["url"] == nil {
                found.append(problem(at: node, "\(name(path)) needs a url"))
            }
            return found
        case .named(let entry):
            guard let mapping = node.mapping else {
                return [problem(at: node, "\(name(path)) must be a mapping of names to settings")]
            }
            return mapping.flatMap { key, value in
                problems(in: value, shape: entry, path: path + [key.string ?? "?"])
            }
        }
    }

    /// `contexts.prod.read-only` → "'contexts.prod.read-only'".
    private static func name(_ path: [String]) -> String {
        "'\(path.joined(separator: "."))'"
    }

    private static func problem(at node: Node, _ message: String) -> Problem {
        Problem(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    private static func located(_ error: YamlError) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Problem(line: mark.line, column: mark.column, message: "not valid YAML: \(what)")
        default:
            return Problem(line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }
}
