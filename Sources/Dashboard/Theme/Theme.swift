/// A loaded theme: a palette of named colours and a style for every `ThemeRole`. A plain value,
/// loaded once at start-up (see `ThemeLoader`) and read on the main thread while rendering.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var palette: [String: Color]
    public var styles: [ThemeRole: Style]

    public init(name: String, palette: [String: Color] = [:], styles: [ThemeRole: Style]) {
        self.name = name
        self.palette = palette
        self.styles = styles
    }

    /// The style for a role (plain when a hand-built theme lacks it; parsed themes have all).
    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? .plain
    }

    /// The roles this theme does not define.
    public var missingRoles: [ThemeRole] { ThemeRole.allCases.filter { styles[$0] == nil } }

    /// The theme as a terminal with `depth` colours can show it (see `ColorDepth`).
    public func degraded(to depth: ColorDepth) -> Theme {
        guard depth != .full else { return self }
        var copy = self
        copy.styles = styles.mapValues { $0.degraded(to: depth) }
        copy.palette = palette.mapValues { $0.degraded(to: depth) ?? .default }
        return copy
    }

    /// The built-in dark theme, parsed from the copy embedded in the binary.
    public static let dark: Theme = {
        // The embedded text is checked by tests against themes/dark.yaml, so this cannot fail.
        (try? ThemeParser.parse(yaml: EmbeddedThemes.yaml["dark"] ?? "", source: "built-in theme dark"))
            ?? Theme(name: "dark", styles: [:])
    }()

    /// The built-in monochrome theme (bold/reverse/underline only), for NO_COLOR terminals.
    public static let monochrome: Theme = {
        (try? ThemeParser.parse(yaml: EmbeddedThemes.yaml["monochrome"] ?? "", source: "built-in theme monochrome"))
            ?? Theme(name: "monochrome", styles: [:])
    }()
}
