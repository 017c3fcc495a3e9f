/// Where a command goes on a cluster: the node that owns its key's slot, every master (and the
/// replies combined), or any one node. One rule for the whole client.
///
/// Classified from the name's bytes (ASCII upper-cased in place, no `String` made): a snapshot
/// routes ten thousand commands per poll.
public enum CommandRoute: Equatable, Sendable {
    /// The node owning this slot.
    case slot(Int)
    /// Every master; the replies are combined (`DBSIZE`: the sum).
    case everyMaster
    /// No key: any node will do (the first master).
    case anyNode

    /// What a command's name says about routing; names not listed route by their first argument.
    enum Kind { case keyless, everyMaster, script, subcommandFirst, transactionStart, transactionEnd }

    /// One table, one hash per command. Keyless commands: any node (transactions: see ClusterLink).
    static let kinds: [[UInt8]: Kind] = {
        var table: [[UInt8]: Kind] = [:]
        for name in [
            "PING", "INFO", "CLIENT", "CONFIG", "MODULE", "FT._LIST", "SCRIPT", "ACL", "CLUSTER", "COMMAND",
            "SELECT", "AUTH", "HELLO", "TIME", "ROLE", "SLOWLOG", "LATENCY", "ECHO", "SUBSCRIBE", "PUBLISH",
            "ASKING", "READONLY", "READWRITE", "LASTSAVE", "FUNCTION", "SCAN",
        ] {
            table[Array(name.utf8)] = .keyless
        }
        for name in ["EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO"] { table[Array(name.utf8)] = .script }
        for name in ["OBJECT", "MEMORY", "XINFO"] { table[Array(name.utf8)] = .subcommandFirst }
        table[Array("DBSIZE".utf8)] = .everyMaster
        table[Array("MULTI".utf8)] = .transactionStart
        table[Array("EXEC".utf8)] = .transactionEnd
        table[Array("DISCARD".utf8)] = .transactionEnd
        return table
    }()

    public static func of(_ command: RedisCommand) -> CommandRoute {
        route(command, kind: kinds[upperName(command)])
    }

    static func route(_ command: RedisCommand, kind: Kind?) -> CommandRoute {
        switch kind {
        case .everyMaster: return .everyMaster
        case .keyless, .transactionStart, .transactionEnd: return .anyNode
        case .script:
            // EVAL script numkeys key…: keyless when numkeys is 0.
            guard command.arguments.count > 3,
                let keys = Int(String(decoding: command.arguments[2], as: UTF8.self)), keys > 0
            else { return .anyNode }
            return .slot(HashSlot.of(command.arguments[3]))
        case .subcommandFirst:
            // OBJECT ENCODING key, MEMORY USAGE key: the key follows the subcommand.
            return command.arguments.count > 2 ? .slot(HashSlot.of(command.arguments[2])) : .anyNode
        case nil:
            // Including FT.SEARCH/FT.CREATE/FT.ADD idx …: on an OSS cluster the index name is a
            // key, and the index lives on the node that owns its slot.
            return command.arguments.count > 1 ? .slot(HashSlot.of(command.arguments[1])) : .anyNode
        }
    }

    /// The command's name, ASCII upper-cased.
    static func upperName(_ command: RedisCommand) -> [UInt8] {
        guard let name = command.arguments.first else { return [] }
        if !name.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return name }
        return name.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
    }
}
