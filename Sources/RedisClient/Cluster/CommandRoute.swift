/// Where a command goes on a cluster: the node that owns its key's slot, every master (and the
/// replies combined), or any one node. One rule for the whole client.
public enum CommandRoute: Equatable, Sendable {
    /// The node owning this slot.
    case slot(Int)
    /// Every master; the replies are combined (`DBSIZE`: the sum).
    case everyMaster
    /// No key: any node will do (the first master).
    case anyNode

    /// Commands that name no key. Anything else routes by its first key (for most commands the
    /// first argument; see `keyIndex`).
    private static let keyless: Set<String> = [
        "PING", "INFO", "CLIENT", "CONFIG", "MODULE", "FT._LIST", "SCRIPT", "ACL", "CLUSTER", "COMMAND",
        "SELECT", "AUTH", "HELLO", "TIME", "ROLE", "SLOWLOG", "LATENCY", "ECHO", "SUBSCRIBE", "PUBLISH",
        "MULTI", "EXEC", "DISCARD", "ASKING", "READONLY", "READWRITE", "LASTSAVE", "FUNCTION", "SCAN",
    ]

    public static func of(_ command: RedisCommand) -> CommandRoute {
        let name = command.name
        if name == "DBSIZE" { return .everyMaster }
        if keyless.contains(name) { return .anyNode }
        guard let index = keyIndex(command), index < command.arguments.count else { return .anyNode }
        return .slot(HashSlot.of(command.arguments[index]))
    }

    /// The index in `arguments` (0 is the name) of the key that decides the slot, nil if none.
    static func keyIndex(_ command: RedisCommand) -> Int? {
        switch command.name {
        case "EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO":
            // EVAL script numkeys key…: keyless when numkeys is 0.
            guard command.arguments.count > 3,
                  let keys = Int(String(decoding: command.arguments[2], as: UTF8.self)), keys > 0 else { return nil }
            return 3
        case "OBJECT", "MEMORY", "XINFO":
            // OBJECT ENCODING key, MEMORY USAGE key: the key follows the subcommand.
            return command.arguments.count > 2 ? 2 : nil
        default:
            // Including FT.SEARCH/FT.CREATE/FT.ADD idx …: on an OSS cluster the index name is a
            // key, and the index lives on the node that owns its slot.
            return command.arguments.count > 1 ? 1 : nil
        }
    }
}
