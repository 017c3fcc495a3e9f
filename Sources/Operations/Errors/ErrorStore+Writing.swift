import Foundation
import RedisClient

/// Writes of error records and the index, each through `env.gate` (refused in read-only mode).
extension ErrorStore {
    /// What `createIndex` found.
    public enum IndexCreation: String, Sendable, Hashable, Codable {
        case created
        case alreadyExists
    }

    /// Records an error the way services do, at `env.now()` (UTC):
    /// RediSearch 1.x: `FT.ADD <index> <toggle>:<MM-DD-YY-HH-MM-SS> 1.0 FIELDS ...` (the id is the key);
    /// 2.x and no module: a hash at `<errorPrefix><id>`, which 2.x indexes by its prefix.
    /// A second error of the same toggle in the same second gets `#2`, `#3`... (see `ErrorID`);
    /// nothing is ever overwritten. Returns the record as written.
    @discardableResult
    public func add(
        _ env: OpsEnvironment, toggleName: String, toggleValue: String, fingerPrint: String, exceptionBody: String
    ) throws(OperationsError) -> ErrorRecord {
        let env = env.on(.errors)
        try env.gate.check("record an error")
        guard !toggleName.isEmpty else { throw .invalidInput("an error needs a toggle name (--toggle NAME)") }
        let fields: [String: String] = [
            ErrorField.toggleName.rawValue: toggleName,
            ErrorField.toggleValue.rawValue: toggleValue,
            ErrorField.fingerPrint.rawValue: fingerPrint,
            ErrorField.exceptionBody.rawValue: exceptionBody,
        ]
        // Fixed order, as services write them.
        let fieldArguments: [any RedisArgument] = ErrorField.allCases.flatMap { field -> [any RedisArgument] in
            [field.rawValue, fields[field.rawValue] ?? ""]
        }
        let module = try resolveModule(env)
        let date = env.now()
        for sequence in 1...Self.maxSameSecond {
            let id = ErrorID.make(toggle: toggleName, date: date, sequence: sequence)
            let key = module.generation == .v1 ? id : env.patterns.errorPrefix + id
            let command: RedisCommand
            if module.generation == .v1 {
                command = RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + fieldArguments)
            } else {
                // HSET alone would overwrite an error recorded in the same second; the script
                // claims the key only if it is free, atomically.
                command = RedisCommand("EVAL", [Self.createIfAbsent, 1, key] + fieldArguments)
            }
            let reply = try env.gate.write("record an error", [command], on: env.redis).first ?? .null
            if let message = reply.errorMessage {
                if module.generation == .v1, message.lowercased().contains("already") { continue }
                throw Self.failure(message, env: env)
            }
            if module.generation != .v1, reply.int == 0 { continue }
            return ErrorRecord(id: id, key: key, fields: fields)
        }
        throw .badData("more than \(Self.maxSameSecond) errors of \(toggleName) in one second; not recorded")
    }

    /// Creates the error index in the syntax of the module found:
    /// 1.x `FT.CREATE <index> SCHEMA toggleName TEXT ...`;
    /// 2.x `FT.CREATE <index> ON HASH PREFIX 1 <errorPrefix> SCHEMA ...` (existing hashes under
    /// the prefix get indexed too). An existing index is left as it is and reported.
    @discardableResult
    public func createIndex(_ env: OpsEnvironment) throws(OperationsError) -> IndexCreation {
        let env = env.on(.errors)
        try env.gate.check("create the error index")
        let module = try resolveModule(env)
        let schema: [any RedisArgument] = ["SCHEMA"] + ErrorField.allCases.flatMap { [$0.rawValue, "TEXT"] }
        let command: RedisCommand
        switch module.generation {
        case .v1:
            command = RedisCommand("FT.CREATE", [env.patterns.errorIndex] + schema)
        case .v2:
            command = RedisCommand(
                "FT.CREATE", [env.patterns.errorIndex, "ON", "HASH", "PREFIX", 1, env.patterns.errorPrefix] + schema)
        case .none:
            throw .badData(
                "this server has no search module (RediSearch), so there is no index to create. "
                    + "`opsdeck errors search` and `count` still work here by scanning the `\(env.patterns.errorPrefix)*` "
                    + "hashes client-side; to index them, start the server with --loadmodule <path>/redisearch.so "
                    + "and run `opsdeck errors init` again.")
        }
        let reply = try env.gate.write("create the error index", [command], on: env.redis).first ?? .null
        if let message = reply.errorMessage {
            if message.lowercased().contains("already exists") { return .alreadyExists }
            throw .redis(RedisError.fromReply(message))
        }
        return .created
    }

    /// More than this many errors of one toggle in one second is a flood, not a record.
    static let maxSameSecond = 1000

    /// KEYS[1] = the record's key, ARGV = field, value pairs. Returns 1 when written, 0 when taken.
    static let createIfAbsent = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV))
        return 1
        """
}
