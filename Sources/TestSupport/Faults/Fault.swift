import Foundation

/// What a `FaultProxy` does to a command it was told to break, instead of relaying the server's
/// reply as it is. Value type; thread-safe.
public enum Fault: Sendable {
    /// These bytes instead of the server's reply (the command is not sent to the server).
    case reply([UInt8])
    /// `prefix`, then `chunk` over and over until the client goes away.
    case endless(prefix: [UInt8], chunk: [UInt8])
    /// These bytes, then the connection is closed.
    case replyThenClose([UInt8])
    /// These bytes, then nothing more while the connection stays open (half a reply, a hang).
    case replyThenHang([UInt8])
    /// The connection closes before the command reaches the server.
    case dropBeforeCommand
    /// The command runs on the server; the connection closes before its reply.
    case dropAfterCommand
    /// The command runs on the server; its reply never comes and the connection stays open
    /// (a half-open link).
    case hangAfterCommand
    /// The connection is reset (RST) before the command reaches the server.
    case resetBeforeCommand
    /// The server's reply arrives cut after `bytes` bytes, then the connection closes.
    case truncate(bytes: Int)
    /// The server's reply, `bytes` bytes every `interval` seconds.
    case dribble(bytes: Int, interval: Double)
    /// The server's reply after `seconds`.
    case delay(seconds: Double)
}

/// Which commands a `FaultProxy` breaks and how often. Value type; thread-safe.
public struct FaultRule: Sendable {
    /// Upper-case command name ("HGETALL"), or nil for every command after the handshake
    /// (AUTH, SELECT, CLIENT SETNAME pass unless named).
    public var command: String?
    public var fault: Fault
    /// Breaks only the first `times` matching commands (then relays), nil for all of them.
    public var times: Int?
    /// Breaks every `every`-th matching command (1: each one).
    public var every: Int

    public init(_ command: String?, _ fault: Fault, times: Int? = nil, every: Int = 1) {
        self.command = command
        self.fault = fault
        self.times = times
        self.every = max(every, 1)
    }
}
