import Demo
import Foundation
import LocalRedis
@testable import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Property: no typed input, however it mixes the query language's special characters, field
/// prefixes, stopwords and Unicode, ever reaches RediSearch as a syntax error — on 1.x and 2.x,
/// free or scoped to a toggle. Thousands of generated inputs per generation, from a fixed seed
/// so a failure reproduces; each failing input is named with the server's answer.
@Suite struct QueryFuzzTests {
    /// Pieces inputs are made of: the characters the query language gives meaning to, field
    /// prefixes, stopwords, words, and Unicode that tokenizers treat in surprising ways.
    static let pieces: [String] = [
        "_", "__", "-", "@", "(", ")", "|", "{", "}", ";", "%", "$", "\\", "\"", "'", "[", "]", "~", "*", ":", ".",
        ",", "=", ">", "<", "!", "#", "^", "&", "+", "?", "/", "`", " ", " ", " ", "\t",
        "dev:", "toggle:", "exception:", "@fingerPrint:", "fingerprint:", "dev:(", "dev:\"",
        "not", "the", "to", "a", "loaded", "x", "ab", "Null", "5", "0x1F", "1e5", "Main.java:12",
        "é", "e\u{0301}", "ß", "İ", "日本", "🔥", "👩\u{200D}💻", "\u{1F1E9}\u{1F1EA}", "\u{00A0}", "\u{2028}",
        "\u{FFFD}", "\u{200B}", "\u{200D}", "—", "…", "＠", "（", "·", "«", "１",
    ]

    static func inputs(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let fixed = ["dev:_", "toggle:_", "dev:\"_\"", "dev:(_)", "_", "\"a _\"", "(_)", "dev:(_ _)", "dev:(a -)", "\"__ a\""]
        return fixed
            + (0..<count).map { _ in
                (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
    }

    @Test(arguments: [ServerFlavor.search1, .search2])
    func noInputIsEverASyntaxError(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            var commands: [(input: String, command: RedisCommand)] = []
            for input in Self.inputs(count: 3_000, seed: 16) {
                guard let query = try? ErrorQuery(input) else { continue } // "nothing to search for": no query sent
                commands.append((input, RedisCommand("FT.SEARCH", env.patterns.errorIndex, query.redisSearchQuery, "LIMIT", 0, 1)))
                // The same words scoped to a toggle, as `errors count --toggle` sends them.
                let scoped = ErrorQuery(text: "", clauses: query.clauses + ErrorStore.toggleClauses(input))
                commands.append((input, RedisCommand("FT.SEARCH", env.patterns.errorIndex, scoped.redisSearchQuery, "LIMIT", 0, 1)))
            }
            #expect(commands.count > 3_000, "the generator must produce searchable inputs")
            var failures: [String] = []
            var start = 0
            while start < commands.count {
                let batch = commands[start..<min(start + 500, commands.count)]
                let replies = try env.redis.send(batch.map(\.command))
                for (sent, reply) in zip(batch, replies) {
                    if let message = reply.errorMessage {
                        failures.append(
                            "\(sent.input.debugDescription) → \(String(decoding: sent.command.arguments[2], as: UTF8.self)) → \(message)")
                    }
                }
                start += 500
            }
            let examples = failures.prefix(12).joined(separator: "\n")
            #expect(failures.isEmpty, "\(failures.count) inputs were server errors, e.g.:\n\(examples)")
        }
    }
}
