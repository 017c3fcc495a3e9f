/// The contents of one recent-log list at one read: its lines as stored, newest first,
/// decoded leniently (invalid UTF-8 becomes U+FFFD). A `Sendable` value.
public struct LogListRead: Sendable, Hashable {
    public let list: LogList
    public let lines: [String]

    public init(list: LogList, lines: [String]) {
        self.list = list
        self.lines = lines
    }
}
