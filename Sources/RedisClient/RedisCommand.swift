/// One Redis command: its arguments as bytes, sent binary-safe with hiredis' `*Argv` API.
///
/// Build it from anything `RedisArgument` (strings, byte arrays, keys, integers, doubles):
/// `RedisCommand("HSET", key, "toggle", "True")`.
public struct RedisCommand: Sendable, Hashable, CustomStringConvertible {
    public var arguments: [[UInt8]]

    public init(arguments: [[UInt8]]) { self.arguments = arguments }

    public init(_ name: String, _ arguments: any RedisArgument...) {
        self.init(name, arguments)
    }

    public init(_ name: String, _ arguments: [any RedisArgument]) {
        var all: [[UInt8]] = [Array(name.utf8)]
        all.reserveCapacity(arguments.count + 1)
        for argument in arguments { all.append(argument.redisBytes) }
        self.arguments = all
    }

    /// The command name, upper-cased, as Redis matches it.
    public var name: String { String(decoding: arguments.first ?? [], as: UTF8.self).uppercased() }

    /// For logs and error messages: arguments after the name are elided, since they may hold secrets.
    public var description: String { "\(name) (\(arguments.count - 1) args)" }
}

/// Something that can be a Redis command argument.
public protocol RedisArgument: Sendable {
    var redisBytes: [UInt8] { get }
}

extension String: RedisArgument {
    public var redisBytes: [UInt8] { Array(utf8) }
}

extension Substring: RedisArgument {
    public var redisBytes: [UInt8] { Array(utf8) }
}

extension Array: RedisArgument where Element == UInt8 {
    public var redisBytes: [UInt8] { self }
}

extension RedisKey: RedisArgument {
    public var redisBytes: [UInt8] { bytes }
}

extension Int: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}

extension Int64: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}

extension Double: RedisArgument {
    public var redisBytes: [UInt8] { Array(String(self).utf8) }
}
