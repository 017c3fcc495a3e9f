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

    /// Commands that name no key. Anything else routes by its first key (for most commands the
    /// first argument; see `keyIndex`).
    private static let keyless: Set<[UInt8]> = Set([
        "PING", "INFO", "CLIENT", "CONFIG", "MODULE", "FT._LIST", "SCRIPT", "ACL", "CLUSTER", "COMMAND",
        "SELECT", "AUTH", "HELLO", "TIME", "ROLE", "SLOWLOG", "LATENCY", "ECHO", "SUBSCRIBE", "PUBLISH",
        "MULTI", "EXEC", "DISCARD", "ASKING", "READONLY", "READWRITE", "LASTSAVE", "FUNCTION", "SCAN",
    ].map { Array($0.utf8) })
    private static let scripts: Set<[UInt8]> = Set(["EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO"].map { Array($0.utf8) })
    private static let subcommandFirst: Set<[UInt8]> = Set(["OBJECT", "MEMORY", "XINFO"].map { Array($0.utf8) })
    static let dbsize = Array("DBSIZE".utf8)
    static let multi = Array("MULTI".utf8)
    static let exec = Array("EXEC".utf8)
    static let discard = Array("DISCARD".utf8)

    public static func of(_ command: RedisCommand) -> CommandRoute {
        let name = upperName(command)
        if name == dbsize { return .everyMaster }
        if keyless.contains(name) { return .anyNode }
        guard let index = keyIndex(command, name: name), index < command.arguments.count else { return .anyNode }
        return .slot(HashSlot.of(command.arguments[index]))
    }

    /// The command's name, ASCII upper-cased.
    static func upperName(_ command: RedisCommand) -> [UInt8] {
        guard let name = command.arguments.first else { return [] }
        if !name.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return name }
        return name.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
    }

    /// The index in `arguments` (0 is the name) of the key that decides the slot, nil if none.
    static func keyIndex(_ command: RedisCommand, name: [UInt8]) -> Int? {
        if scripts.contains(name) {
            // EVAL script numkeys key…: keyless when numkeys is 0.
            guard command.arguments.count > 3,
                  let keys = Int(String(decoding: command.arguments[2], as: UTF8.self)), keys > 0 else { return nil }
            return 3
        }
        // OBJECT ENCODING key, MEMORY USAGE key: the key follows the subcommand.
        if subcommandFirst.contains(name) { return command.arguments.count > 2 ? 2 : nil }
        // Including FT.SEARCH/FT.CREATE/FT.ADD idx …: on an OSS cluster the index name is a
        // key, and the index lives on the node that owns its slot.
        return command.arguments.count > 1 ? 1 : nil
    }
}
