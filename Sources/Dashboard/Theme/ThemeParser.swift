import Spelling
import Yams

/// Turns theme YAML into a `Theme`, collecting every problem into one `ThemeError.invalid` so a
/// user fixing a file sees them all at once. Stateless.
///
/// Format: `name`, `palette` (name → colour) and `roles` (role → `{fg, bg, bold, underline,
/// reverse, dim}`), where `fg`/`bg` name a palette entry or are a colour themselves (see
/// `Color(parsing:)`). Every role must be present; unknown keys are errors (they are typos).
public enum ThemeParser {
    struct File: Decodable {
        var name: String?
        var palette: [String: String]?
        var roles: [String: RoleSpec]?
    }

    struct RoleSpec: Decodable {
        var fg: String?
        var bg: String?
        var bold: Bool?
        var underline: Bool?
        var reverse: Bool?
        var dim: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable { case fg, bg, bold, underline, reverse, dim }
    }

    static let topLevelKeys: Set<String> = ["name", "palette", "roles", "description"]

    public static func parse(yaml: String, source: String) throws -> Theme {
        let file: File
        let raw: Any?
        do {
            raw = try Yams.load(yaml: yaml)
            file = try YAMLDecoder().decode(File.self, from: yaml)
        } catch let error as DecodingError {
            throw ThemeError.invalid(source: source, problems: [describe(error)])
        } catch {
            throw ThemeError.invalid(source: source, problems: ["not valid YAML: \(error)"])
        }
        var problems: [String] = []
        if let top = raw as? [String: Any] {
            for key in top.keys.sorted() where !topLevelKeys.contains(key) {
                problems.append("unknown top-level key '\(key)' (expected name, palette, roles)")
            }
            if let roles = top["roles"] as? [String: Any] {
                for (role, spec) in roles.sorted(by: { $0.key < $1.key }) {
                    guard let dict = spec as? [String: Any] else { continue }
                    let allowed = Set(RoleSpec.CodingKeys.allCases.map(\.rawValue))
                    for key in dict.keys.sorted() where !allowed.contains(key) {
                        problems.append("role '\(role)': unknown key '\(key)' (allowed: fg, bg, bold, underline, reverse, dim)")
                    }
                }
            }
        } else {
            problems.append("expected a mapping with keys name, palette, roles")
        }

        var palette: [String: Color] = [:]
        for (key, value) in (file.palette ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let c = Color(parsing: value) {
                palette[key] = c
            } else {
                problems.append(
                    "palette '\(key)': '\(value)' is not a colour (use a name like red or brightBlue, 0-255, #rrggbb or default)")
            }
        }
        func colour(_ text: String?, role: String, field: String) -> Color? {
            guard let text else { return nil }
            if let c = palette[text] { return c }
            if let c = Color(parsing: text) { return c }
            problems.append("role '\(role)': \(field) '\(text)' is neither a palette name nor a colour")
            return nil
        }
        var styles: [ThemeRole: Style] = [:]
        if file.roles == nil { problems.append("missing 'roles'") }
        for (key, spec) in (file.roles ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let role = ThemeRole(rawValue: key) else {
                let suggestion = Suggestion.didYouMean(key, among: ThemeRole.allCases.map(\.rawValue))
                problems.append("unknown role '\(key)'" + (suggestion.map { " (\($0))" } ?? ""))
                continue
            }
            styles[role] = Style(
                fg: colour(spec.fg, role: key, field: "fg"), bg: colour(spec.bg, role: key, field: "bg"),
                bold: spec.bold, underline: spec.underline, reverse: spec.reverse, dim: spec.dim)
        }
        let missing = ThemeRole.allCases.filter { styles[$0] == nil && file.roles?[$0.rawValue] == nil }
        if file.roles != nil && !missing.isEmpty {
            problems.append("missing roles: " + missing.map(\.rawValue).joined(separator: ", "))
        }
        guard problems.isEmpty else { throw ThemeError.invalid(source: source, problems: problems) }
        return Theme(name: file.name ?? "unnamed", palette: palette, styles: styles)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            return "\(path(ctx.codingPath)): expected \(typeName(type)) — \(ctx.debugDescription)"
        case .valueNotFound(let type, let ctx):
            return "\(path(ctx.codingPath)): missing \(typeName(type))"
        case .keyNotFound(let key, let ctx):
            return "\(path(ctx.codingPath)): missing key '\(key.stringValue)'"
        case .dataCorrupted(let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)\(ctx.underlyingError.map { " (\($0))" } ?? "")"
        @unknown default:
            return "\(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        default: return "\(type)"
        }
    }
}
