/// The table of malformed and enormous replies the suite answers commands with (through a
/// `FaultProxy`): each must end the command with an error — no crash, no exit 0, nothing read as
/// "no data", within the command's deadline and bounded memory (docs/RELIABILITY.md).
/// Immutable; thread-safe.
public struct HostileReply: Sendable, CustomStringConvertible {
    public let name: String
    /// The command it answers (upper case).
    public let command: String
    public let fault: Fault

    public var description: String { name }

    init(_ name: String, _ fault: Fault, command: String = "HGETALL") {
        self.name = name
        self.command = command
        self.fault = fault
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private static func hang(_ text: String) -> Fault { .replyThenHang(bytes(text)) }
    private static func endless(_ prefix: String, _ chunk: String) -> Fault { .endless(prefix: bytes(prefix), chunk: bytes(chunk)) }
    private static let eightMB = 8 << 20

    /// Protocol breakage and sizes, aimed at HGETALL (`toggles list`).
    public static let protocolTable: [HostileReply] = [
        HostileReply("array of 2^31-1 elements", .replyThenHang(bytes("*2147483647\r\n"))),
        HostileReply("array of 100 million elements", hang("*100000000\r\n")),
        HostileReply("array one past the element limit", hang("*1048577\r\n")),
        HostileReply("array of 2^31-1 then endless elements", endless("*2147483647\r\n", ":1\r\n")),
        HostileReply("string of 999999999999 bytes then endless data", endless("$999999999999\r\n", "x")),
        HostileReply("string of 2^31-1 bytes then endless data", endless("$2147483647\r\n", "xxxxxxxx")),
        HostileReply("string one past the reply limit then endless data", endless("$67108865\r\n", "xxxxxxxx")),
        HostileReply("string of Int64.max bytes", hang("$9223372036854775807\r\n")),
        HostileReply("length past Int64", hang("$99999999999999999999999\r\n")),
        HostileReply("negative array length -2", hang("*-2\r\n")),
        HostileReply("negative array length Int32.min", hang("*-2147483648\r\n")),
        HostileReply("negative string length -5", hang("$-5\r\n")),
        HostileReply("array length not a number", hang("*1x\r\n")),
        HostileReply("string length not a number", hang("$abc\r\n")),
        HostileReply("empty length", hang("$\r\n")),
        HostileReply("integer not a number", hang(":12ab\r\n")),
        HostileReply("length line without end", endless("*", "9")),
        HostileReply("RESP3 blob error type byte", hang("!5\r\nerror\r\n")),
        HostileReply("RESP3 map type byte", hang("%1\r\n+a\r\n+b\r\n")),
        HostileReply("NUL bytes", hang("\0\0\0\0\r\n")),
        HostileReply("an HTTP server's answer", .replyThenClose(bytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))),
        HostileReply("8 MB error line", .reply(bytes("-ERR " + String(repeating: "E", count: eightMB) + "\r\n"))),
        HostileReply("endless error line", endless("-ERR ", "EEEEEEEE")),
        HostileReply("endless status line", endless("+", "SSSSSSSS")),
        HostileReply("string not followed by CRLF", hang("$5\r\nhelloXX")),
        HostileReply("line ended by LF only, then closed", .replyThenClose(bytes("+OK\n"))),
        HostileReply("truncated array, then closed", .replyThenClose(bytes("*2\r\n$1\r\na\r\n"))),
        HostileReply("truncated array, then silence", hang("*2\r\n$1\r\na\r\n")),
        HostileReply("arrays nested 100 deep", hang(String(repeating: "*1\r\n", count: 100) + ":1\r\n")),
        HostileReply("endless nesting", endless("", "*1\r\n")),
        HostileReply("endless empty strings in a huge array", endless("*1048576\r\n", "$0\r\n\r\n")),
    ]

    /// Well-formed replies of the wrong shape for HGETALL (`toggles list`) and LRANGE
    /// (`logs tail`): what a "nothing there" reading would turn into an empty list.
    public static let shapeTable: [HostileReply] =
        ["HGETALL", "LRANGE"].flatMap { command in
            [
                HostileReply("\(command) answered nil", .reply(bytes("$-1\r\n")), command: command),
                HostileReply("\(command) answered a nil array", .reply(bytes("*-1\r\n")), command: command),
                HostileReply("\(command) answered an integer", .reply(bytes(":1\r\n")), command: command),
                HostileReply("\(command) answered a status", .reply(bytes("+OK\r\n")), command: command),
                HostileReply(
                    "\(command) answered nested arrays", .reply(bytes("*2\r\n*1\r\n$1\r\na\r\n*1\r\n$1\r\nb\r\n")), command: command),
                HostileReply("\(command) answered all nils", .reply(bytes("*2\r\n$-1\r\n$-1\r\n")), command: command),
                HostileReply("\(command) answered integers", .reply(bytes("*2\r\n:1\r\n:2\r\n")), command: command),
            ]
        } + [
            HostileReply("HGETALL answered an 8 MB status line", .reply(bytes("+" + String(repeating: "S", count: eightMB) + "\r\n"))),
            HostileReply(
                "HGETALL answered an odd number of elements",
                .reply(bytes("*3\r\n$6\r\ntoggle\r\n$2\r\non\r\n$1\r\nx\r\n"))),
        ]

    /// Both tables.
    public static var all: [HostileReply] { protocolTable + shapeTable }
}
