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
    /// The informative part of the exception (class and message, no thread boilerplate), for
    /// the results table; computed by the data layer (`ExceptionSummary`).
    public var firstLine: String
    /// The first application frame (`Cart.java:88`), or empty.
    public var frame: String
    /// The whole exception body, for the detail view.
    public var body: String

    public init(
        id: String, time: Date?, toggleName: String, toggleValue: String, fingerprint: String,
        firstLine: String, frame: String = "", body: String
    ) {
        self.frame = frame
        self.id = id
        self.time = time
        self.toggleName = toggleName
        self.toggleValue = toggleValue
        self.fingerprint = fingerprint
        self.firstLine = firstLine
        self.body = body
    }
}
