import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Whatever is typed under stress gives results or a clear message, never a server syntax error
/// and never a silently different question.
@Suite struct ErrorNastyInputTests {
    static let nastyInputs: [String] = [
        "", " ", "   \t  ", "-", "--", "not-loaded", "-loaded", "@", "@@", "(", ")", "((", "|", "a|b", "{", "}",
        "{x", ";", "%", "%%", "$", "$x", "\\", "\\\\", "\"", "\"\"", "\"unbalanced", "'", "'single'", "[", "]",
        "[1 2", "~", "*", "**", "x*", "ArrayIndex**", "*Index", "Größe", "日本", "日本語のエラー", "🔥", "boom🔥",
        "💥💥", "to the not", "the", "\"to the\"", "\"not loaded\"", "module -not", "java.lang.Foo:12",
        "Exception: 5", "a:b", "toggle:", "toggle:\"\"", "dev:(", "dev:()", "exception:(  )", "@fingerPrint:(John",
        "@exceptionBody:{x}", "=>{$weight: 2}", "ismissing(@x)", "1e5", "-inf", "0x1F", "5.5", "~foo", "%fuzzy%",
        "@toggleName:[1 2]", "x y z | w", "\u{0}", "\u{1B}[31m", "\u{200B}", "\u{FEFF}word", "é́", String(repeating: "a ", count: 300),
    ]

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func nastyInputsNeverReachTheServerAsSyntax(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            try ErrorFixtures.seed(env, flavor, id: "i18n:01-02-24-03-04-05", body: "Größe 日本 boom🔥 module not loaded")
            let store = ErrorStore()
            for input in Self.nastyInputs {
                do {
                    _ = try store.search(env, query: input)
                    _ = try store.count(env, query: input, toggle: nil, since: nil)
                    _ = try store.count(env, query: input, toggle: "useNewAlgorithm", since: ErrorFixtures.clock)
                } catch let error as OperationsError {
                    guard case .invalidInput(let message) = error else {
                        Issue.record("input \(input.debugDescription) gave \(error)")
                        continue
                    }
                    #expect(
                        message.contains("nothing to search for") || message.contains("unknown field"),
                        "input \(input.debugDescription): \(message)")
                }
            }
            // A toggle name is typed too: it narrows the index search, so it must be just as safe.
            for input in Self.nastyInputs {
                #expect(try store.count(env, toggle: input) == 0, "toggle \(input.debugDescription)")
            }
            #expect(try store.count(env, toggle: "useNewAlgorithm") == 1)
            // Non-ASCII words are words on every backend.
            #expect(try store.search(env, query: "Größe").total == 1)
            #expect(try store.search(env, query: "日本").total == 1)
            #expect(try store.search(env, query: "boom🔥").total == 1)
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func inputsWithoutWordsGiveAClearMessage(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            for input in ["", "   ", "-", "@(|{;%$\\", "\"", "to the not", "x*"] {
                #expect("\(input) fails") {
                    try ErrorStore().search(env, query: input)
                } throws: { error in
                    guard case .invalidInput(let message) = error as? OperationsError else { return false }
                    return message.hasPrefix("nothing to search for in '")
                }
            }
        }
    }

    /// `-` is punctuation, not NOT: `not-loaded` finds documents with "loaded" (the stopword
    /// "not" is not kept by the index, and the query says so), never those without it.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func hyphenJoinsWordsInsteadOfNegating(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seed(env, flavor, id: "a:01-01-24-00-00-01", body: "module not loaded at startup")
            try ErrorFixtures.seed(env, flavor, id: "b:01-01-24-00-00-02", body: "module missing, not here")
            try ErrorFixtures.seed(env, flavor, id: "c:01-01-24-00-00-03", body: "class loader failed")
            try ErrorFixtures.seed(env, flavor, id: "d:01-01-24-00-00-04", body: "loader only")
            try ErrorFixtures.seed(env, flavor, id: "e:01-01-24-00-00-05", body: "class only")
            let store = ErrorStore()

            let notLoaded = try store.search(env, query: "not-loaded")
            #expect(ErrorFixtures.ids(notLoaded) == ["a:01-01-24-00-00-01"])
            #expect(notLoaded.notice?.contains("ignored: not") == true)
            #expect(ErrorFixtures.ids(try store.search(env, query: "class-loader")) == ["c:01-01-24-00-00-03"])
            #expect(ErrorFixtures.ids(try store.search(env, query: "\"module loaded\"")) == ["a:01-01-24-00-00-01"])
            // A phrase is in order: "loaded module" is not "module loaded".
            #expect(try store.search(env, query: "\"loaded module\"").total == 0)
        }
    }
}
