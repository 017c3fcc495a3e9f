/// `FIELD=VALUE` conditions on sessions; all must hold (exact match, case-sensitive).
/// A `Sendable` value.
public struct SessionFilter: Sendable, Hashable {
    public let conditions: [SessionField]

    public init(conditions: [SessionField] = []) { self.conditions = conditions }

    /// Parses `--where` arguments such as `authType=fb-user`; the value may be empty
    /// (`phone=`), the field may not, and the first `=` separates them.
    public init(parsing expressions: [String]) throws(OperationsError) {
        var conditions: [SessionField] = []
        for expression in expressions {
            guard let equals = expression.firstIndex(of: "="), equals != expression.startIndex else {
                throw .invalidInput("cannot use `\(expression)` as a filter: write FIELD=VALUE, e.g. --where authType=fb-user")
            }
            conditions.append(SessionField(name: String(expression[..<equals]),
                                           value: String(expression[expression.index(after: equals)...])))
        }
        self.conditions = conditions
    }

    public var isEmpty: Bool { conditions.isEmpty }

    public func matches(_ session: Session) -> Bool {
        conditions.allSatisfy { session.value(of: $0.name) == $0.value }
    }
}
