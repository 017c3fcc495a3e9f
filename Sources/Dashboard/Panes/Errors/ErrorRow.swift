import Foundation

/// One error record as the Errors pane shows it. A plain value.
public struct ErrorRow: Hashable, Sendable {
    /// The document id, e.g. `useNewAlgorithm:03-12-19-10-32-05`.
    public var id: String
    /// Parsed from the id when possible.
    public var time: Date?
    public var toggleName: String
    public var toggleValue: String
    public var fingerprint: String
    /// First line of the exception body, for the results table.
    public var firstLine: String
    /// The whole exception body, for the detail view.
    public var body: String

    public init(id: String, time: Date?, toggleName: String, toggleValue: String, fingerprint: String,
                firstLine: String, body: String) {
        self.id = id
        self.time = time
        self.toggleName = toggleName
        self.toggleValue = toggleValue
        self.fingerprint = fingerprint
        self.firstLine = firstLine
        self.body = body
    }
}
