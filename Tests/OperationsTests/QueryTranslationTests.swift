import Foundation
import Operations
import Testing

/// The translation from typed text to a RediSearch query and to client-side matching (no server).
@Suite struct QueryTranslationTests {
    @Test func translatesToWordsOnlyQueries() throws {
        let cases: [(String, String)] = [
            ("ArrayIndexOutOfBoundsException: 5", "ArrayIndexOutOfBoundsException 5"),
            ("not-loaded", "loaded"),
            ("ArrayIndex*", "ArrayIndex*"),
            ("fingerPrint:John", "@fingerPrint:(John)"),
            ("dev:john toggle:useNewAlgorithm boom", "boom @toggleName:(useNewAlgorithm) @fingerPrint:(john)"),
            ("exception:\"java.lang.Foo: bar\"", "@exceptionBody:(\"java lang Foo bar\")"),
            ("\"module not loaded\"", "\"module loaded\""),
            ("@fingerPrint:(John S*)", "@fingerPrint:(John)"), // a 1-letter prefix is dropped, with a notice
            ("(x|y) {z} $w; %q% \\v", "x y z w q v"),
            ("\"unbalanced quote", "\"unbalanced quote\""),
            ("Main.java:12", "Main java 12"),
            ("Größe 日本 boom🔥", "Größe 日本 boom🔥"),
        ]
        for (input, expected) in cases {
            #expect(try ErrorQuery(input).redisSearchQuery == expected, "input \(input)")
        }
    }

    @Test func unknownFieldsListTheKnownOnes() {
        #expect {
            try ErrorQuery("colour:red")
        } throws: { error in
            let text = "\(error)"
            return text.contains("unknown field 'colour'") && text.contains("toggleName") && text.contains("dev:")
        }
    }

    @Test func matchedTermsAndHighlights() throws {
        let query = try ErrorQuery("dev:John ArrayIndex* \"module loaded\" not")
        #expect(query.matchedTerms == ["john", "arrayindex*", "module", "loaded"])
        let text = "John S: java.lang.ArrayIndexOutOfBoundsException, module not loaded"
        let highlighted = query.highlightRanges(in: text).map { String(text[$0]) }
        #expect(highlighted == ["John", "ArrayIndexOutOfBoundsException", "module", "loaded"])
        #expect(query.ignored == ["not (a common word the index does not keep)"])
    }

    @Test func clientSideMatchingFollowsTheServerRules() throws {
        let record = ErrorRecord(
            id: "t:01-01-24-00-00-00", key: "error:t:01-01-24-00-00-00",
            fields: [
                "toggleName": "useNewAlgorithm", "fingerPrint": "John S,Stephanie B",
                "exceptionBody": "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5",
            ])
        for query in [
            "john", "JOHN", "arrayindex*", "fingerprint:stephanie", "\"thread main java\"",
            "ArrayIndexOutOfBoundsException: 5", "toggle:useNewAlgorithm thread",
        ] {
            #expect(try ErrorQuery(query).matches(record), "query \(query)")
        }
        for query in ["jo", "toggle:john", "\"main thread\"", "exceptions", "john mary", "zz*"] {
            #expect(try !ErrorQuery(query).matches(record), "query \(query)")
        }
    }

    @Test func idTimesParseOrAreNil() {
        let utc = ISO8601DateFormatter()
        #expect(ErrorID.time(of: "useNewAlgorithm:03-12-19-10-32-05") == utc.date(from: "2019-03-12T10:32:05Z"))
        #expect(ErrorID.time(of: "a:b:c#2:12-31-99-23-59-59") == utc.date(from: "2099-12-31T23:59:59Z"))
        for bad in [
            "", ":", "x", "x:", "x:13-12-19-10-32-05", "x:02-30-19-10-32-05", "x:03-12-19-24-00-00",
            "x:03-12-19-10-60-05", "x:3-12-19-10-32-05", "x:03-12-19-10-32-5x", "x:03/12/19-10-32-05",
            "x:03-12-19-10-32-05-2", "x:０３-12-19-10-32-05", "x:-3-12-19-10-32-05", "x:03-12-19-10-32-05\n",
        ] {
            #expect(ErrorID.time(of: bad) == nil, "id \(bad.debugDescription)")
        }
        #expect(ErrorID.toggle(of: "useNewAlgorithm#12:03-12-19-10-32-05") == "useNewAlgorithm")
        #expect(ErrorID.toggle(of: "a:b:03-12-19-10-32-05") == "a:b")
        #expect(ErrorID.toggle(of: "no-time") == "")
        let date = utc.date(from: "2024-02-29T01:02:03Z")!
        #expect(ErrorID.make(toggle: "t", date: date) == "t:02-29-24-01-02-03")
        #expect(ErrorID.make(toggle: "t", date: date, sequence: 2) == "t#2:02-29-24-01-02-03")
        #expect(ErrorID.time(of: ErrorID.make(toggle: "t", date: date, sequence: 7)) == date)
    }

    @Test func jsonShapesAreStable() throws {
        let result = ErrorSearchResult(
            total: 1,
            records: [ErrorRecord(id: "x", key: "error:x", fields: ["toggleName": "x"])],
            backend: .clientSide(scanned: 3, truncated: false))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(
            text == """
                {"backend":{"kind":"clientSide","scanned":3,"truncated":false},"notice":null,"records":[{"exceptionBody":"",\
                "fields":{"toggleName":"x"},"fingerPrint":"","id":"x","key":"error:x","time":null,"toggleName":"x",\
                "toggleValue":""}],"total":1}
                """)
        let decoded = try JSONDecoder().decode(ErrorSearchResult.self, from: Data(text.utf8))
        #expect(decoded == result)
    }
}
