import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Signatures, the informative part of an exception, grouping and windows: pure rules first,
/// then read from each server kind.
@Suite struct ErrorGroupTests {
    static func javaBody(index: Int, line: Int = 88, cls: String = "java.lang.ArrayIndexOutOfBoundsException") -> String {
        "Exception in thread \"main\" \(cls): Index \(index) out of bounds for length 3\n"
            + "\tat java.base/java.util.ArrayList.get(ArrayList.java:427)\n"
            + "\tat jdk.internal.Something.call(Something.java:1)\n"
            + "\tat com.example.Cart.add(Cart.java:\(line))\n\tat com.example.Main.main(Main.java:12)"
    }

    @Test func informativePartSkipsBoilerplateAndRuntimeFrames() {
        let summary = ExceptionSummary(body: Self.javaBody(index: 5))
        #expect(summary.exceptionClass == "java.lang.ArrayIndexOutOfBoundsException")
        #expect(summary.message == "Index 5 out of bounds for length 3")
        #expect(summary.frame == "Cart.java:88")
        #expect(summary.line == "ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 3 · Cart.java:88")
        let plain = ExceptionSummary(body: "  payment timed out after 30s\nsecond line")
        #expect(plain.exceptionClass == "")
        #expect(plain.line == "payment timed out after 30s")
        let lone = ExceptionSummary(body: "java.lang.NullPointerException\n\tat com.x.Y.z(Y.java:3)")
        #expect(lone.line == "NullPointerException · Y.java:3")
    }

    @Test func signaturesNormaliseNumbersAndIdsButKeepExceptionsApart() {
        #expect(
            ErrorSignature.normalise("Index 5 of 12, user42 id 8f3a2b0c 0x1F at 123e4567-e89b-12d3-a456-426614174000")
                == "Index # of #, user# id # # at #-#-#-#-#")
        #expect(ErrorSignature.normalise("payment declined") == "payment declined")
        func sig(_ toggle: String, _ body: String) -> ErrorSignature {
            ErrorSignature(ErrorRecord(id: "x", key: "x", toggleName: toggle, exceptionBody: body))
        }
        let a = sig("cart", Self.javaBody(index: 5))
        #expect(a == sig("cart", Self.javaBody(index: 7)))
        #expect(a != sig("cart", Self.javaBody(index: 5, cls: "java.lang.IllegalStateException")))
        #expect(a != sig("cart", Self.javaBody(index: 5, line: 90).replacingOccurrences(of: "Cart.add", with: "Cart.remove")))
        #expect(a != sig("search", Self.javaBody(index: 5)))
    }

    /// The rules read bytes for speed (benchmark 8); text beyond ASCII must read as it did when
    /// they read Characters: passed through whole, and class names in any script.
    @Test func textBeyondASCIIIsReadWhole() {
        #expect(ErrorSignature.normalise("Größe 42 für user7 — ñ0x1F 日本3語 0XAB") == "Größe # für user# — ñ# 日本#語 #")
        #expect(ErrorSignature.normalise("é") == "é" && ErrorSignature.normalise("") == "")
        let accented = ExceptionSummary(body: "Exception in thread \"wörker\" com.bücher.ÜberException: zu groß: 42")
        #expect(accented.exceptionClass == "com.bücher.ÜberException")
        #expect(accented.message == "zu groß: 42")
        let caused = ExceptionSummary(body: "Caused by: java.io.IOException: disk full")
        #expect(caused.exceptionClass == "java.io.IOException" && caused.message == "disk full")
        for notAClass in ["payment failed: card 4", "1st.Exception: x", "a b.Exception: x", "retry-later: x", ": x"] {
            let summary = ExceptionSummary(body: notAClass)
            #expect(summary.exceptionClass == "" && summary.message == notAClass, "\(notAClass)")
        }
        #expect(ExceptionSummary(body: "TimeoutError: slow").exceptionClass == "TimeoutError")
        #expect(ExceptionSummary(body: "Bad_Thing$1: x").exceptionClass == "", "neither a package nor Exception/Error")
        // 300 Characters in 600 bytes: the message is cut at 200 Characters, never mid-scalar.
        let long = ErrorSignature(
            ErrorRecord(id: "x", key: "x", toggleName: "t", exceptionBody: "X.YException: " + String(repeating: "é", count: 300)))
        #expect(long.message == String(repeating: "é", count: 200))
    }

    @Test func seriesCountsPerBucket() {
        let end = Date(timeIntervalSince1970: 1_200)
        let start = Date(timeIntervalSince1970: 0)
        let times = [0, 99, 100, 1_199, 1_200, 1_201, -1].map { Date(timeIntervalSince1970: $0) }
        #expect(ErrorGroups.series(times, from: start, to: end, buckets: 12) == [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
    }

    /// 30 errors of one exception for `cart` in the last 10 minutes, 2 of another exception,
    /// and old ones for `search`: one group of 30 within a 15-minute window.
    static func seedIncident(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws {
        for i in 0..<30 {
            let id = String(format: "cart:05-01-24-11-%02d-%02d", 50 + i / 6, i * 7 % 60)
            try ErrorFixtures.seed(env, flavor, id: id, toggle: "cart", body: javaBody(index: i))
        }
        for i in 0..<2 {
            try ErrorFixtures.seed(
                env, flavor, id: "cart:05-01-24-11-58-0\(i)", toggle: "cart",
                body: javaBody(index: i, cls: "java.lang.IllegalStateException"))
        }
        for i in 0..<5 {
            try ErrorFixtures.seed(env, flavor, id: "search:05-01-24-09-0\(i)-00", toggle: "search", body: javaBody(index: i))
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func groupsInTheWindowOnEachServerKind(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try Self.seedIncident(env, flavor)
            let now = ErrorFixtures.clock
            let since = now.addingTimeInterval(-15 * 60)
            let overview = try ErrorStore().overview(env, latest: 10, since: since)
            #expect(overview.window.count == 32)
            #expect(overview.counts == ["cart": 32, "search": 5])
            let groups = ErrorGroups.build(overview.window, since: since, now: now)
            #expect(groups.map(\.count) == [30, 2])
            let top = try #require(groups.first)
            #expect(top.toggle == "cart")
            #expect(top.summary.shortClass == "ArrayIndexOutOfBoundsException")
            #expect(top.firstSeen == ErrorID.time(of: "x:05-01-24-11-50-00"))
            #expect(top.lastSeen == ErrorID.time(of: "x:05-01-24-11-54-55"))
            #expect(top.series.reduce(0, +) == 30)
            // 12 buckets of 75 s over 11:45–12:00: 11:50:00–11:54:55 are buckets 4 to 7.
            #expect(top.series[4...7].reduce(0, +) == 30)
            #expect(top.series[8...].reduce(0, +) == 0)
            #expect(top.members.count == 30)
            #expect(top.sample?.id == "cart:05-01-24-11-54-55")
            // A wider window takes in the old errors of the other toggle as their own group.
            let wide = try ErrorStore().overview(env, latest: 10, since: now.addingTimeInterval(-4 * 3600))
            let wideGroups = ErrorGroups.build(wide.window, since: now.addingTimeInterval(-4 * 3600), now: now)
            #expect(wideGroups.map { "\($0.toggle) \($0.count)" } == ["cart 30", "search 5", "cart 2"])
        }
    }

    /// The window is bounded: the newest `windowLimit` are read, and the overview says so.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func windowIsBounded(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try Self.seedIncident(env, flavor)
            let since = ErrorFixtures.clock.addingTimeInterval(-15 * 60)
            let overview = try ErrorStore().overview(env, latest: 5, since: since, windowLimit: 10)
            #expect(overview.window.count == 10)
            #expect(overview.windowTruncated)
            #expect(overview.window.first?.id == "cart:05-01-24-11-58-01")
        }
    }

    /// Without a module, records written the 1.x way (plain hashes at their ids) are found by
    /// their fields, and the answer says so.
    @Test func plainIdsFoundByTheirFieldsWithoutAModule() throws {
        try ErrorFixtures.with(.plain) { env, _ in
            try env.redis.execute(
                RedisCommand(
                    "HSET",
                    [ErrorFixtures.seedID]
                        + ErrorFixtures.seedFields.sorted { $0.key < $1.key }
                        .flatMap { [$0.key, $0.value] as [any RedisArgument] }))
            // Not errors: a toggle and a session.
            try env.redis.execute(RedisCommand("HSET", ["useNewAlgorithm", "toggle", "True"]))
            try env.redis.execute(RedisCommand("HSET", ["session:1", "toggleName", "x"]))
            let store = ErrorStore()
            #expect(try store.count(env) == 1)
            let result = try store.search(env, query: "ArrayIndexOutOfBoundsException")
            #expect(result.records.map(\.id) == [ErrorFixtures.seedID])
            #expect(result.notice?.contains("1 of them found by their fields") == true)
            let overview = try store.overview(env)
            #expect(overview.counts == ["useNewAlgorithm": 1])
            #expect(overview.latest.notice?.contains("found by their fields") == true)
        }
    }
}
