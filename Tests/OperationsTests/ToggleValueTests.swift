import Foundation
import Operations
import RedisClient
import Testing
import Versioning

@Suite struct ToggleValueTests {
    @Test(arguments: [
        ("True", ToggleState.on, "False"), ("False", .off, "True"), ("true", .on, "false"), ("false", .off, "true"),
        ("TRUE", .on, "FALSE"), ("1", .on, "0"), ("0", .off, "1"), ("on", .on, "off"), ("Off", .off, "On"),
        ("yes", .on, "no"), ("NO", .off, "YES"), ("Yes", .on, "No"),
        ("enabled", .on, "disabled"), ("Disabled", .off, "Enabled"), ("ENABLED", .on, "DISABLED"),
    ])
    func spellingsParseAndKeepTheirOwnSpelling(raw: String, state: ToggleState, flipped: String) {
        let value = ToggleValue(raw)
        #expect(value.state == state)
        #expect(value.spelled(state != .on) == flipped)
        #expect(value.spelled(state == .on) == raw, "spelling the current state gives the value back")
    }

    @Test func unknownValuesStayUnknown() {
        for raw in ["maybe", "", "2", "tru", "enable", "null", "on\u{1B}[2J"] {
            let value = ToggleValue(raw)
            #expect(value.state == .unknown, "\(raw) must not be read as on or off")
            #expect(value.state.isOn == nil)
        }
        #expect(ToggleValue("maybe").spelled(true) == "True")
        #expect(ToggleValue("maybe").spelled(false) == "False")
        #expect(ToggleValue(" yes ").state == .on, "surrounding whitespace is tolerated")
    }

    /// The one vocabulary (issue 15): what help lists is exactly what is accepted.
    @Test func theVocabularyIsWhatHelpLists() {
        #expect(ToggleValue.vocabulary == "on/off, true/false, 1/0, yes/no, enabled/disabled")
        for pair in ToggleValue.vocabulary.split(separator: ",") {
            let words = pair.trimmingCharacters(in: .whitespaces).split(separator: "/").map(String.init)
            #expect(ToggleValue(words[0]).state == .on && ToggleValue(words[1].uppercased()).state == .off, "\(pair)")
        }
    }

    @Test func versionsSortAsVersions() {
        let sorted = ["10.0", "2.10", "beta", "2.5", "v3.1", "2.5-rc1", "2.5.1", "alpha", "1"]
            .map(ReleaseVersion.init).sorted().map(\.raw)
        #expect(sorted == ["1", "2.5-rc1", "2.5", "2.5.1", "2.10", "v3.1", "10.0", "alpha", "beta"])
        #expect(ReleaseVersion("2.5") < ReleaseVersion("2.10"))
        #expect(ReleaseVersion("2.10") < ReleaseVersion("10.0"))
        #expect(!(ReleaseVersion("10.0") < ReleaseVersion("9.9")))
        #expect(ReleaseVersion("v3.1").components == [3, 1])
    }

    @Test func overrideSplitsIntoAudiences() {
        #expect(Toggle.audiences(of: " fb-user , google,,web ") == ["fb-user", "google", "web"])
        #expect(Toggle.audiences(of: nil) == [])
        #expect(Toggle.audiences(of: " , ") == [])
    }

    /// One audience is read from its bytes; anything to split or trim takes the general path.
    @Test func oneAudienceReadsAsItselfAndEdgesStillTrim() {
        #expect(Toggle.audiences(of: "fb-user") == ["fb-user"])
        #expect(Toggle.audiences(of: "x") == ["x"])
        #expect(Toggle.audiences(of: "web app") == ["web app"])
        #expect(Toggle.audiences(of: "fb-user\t") == ["fb-user"])
        #expect(Toggle.audiences(of: "\u{00A0}fb-user\u{2003}") == ["fb-user"])
        #expect(Toggle.audiences(of: "fb-user,") == ["fb-user"])
        #expect(Toggle.audiences(of: "a,b") == ["a", "b"])
        #expect(Toggle.audiences(of: "ünïcode") == ["ünïcode"])
    }

    @Test func namingStripsThePatternPrefix() {
        let naming = ToggleNaming(pattern: "toggle:*")
        #expect(naming.name(of: "toggle:useNewAlgorithm") == "useNewAlgorithm")
        #expect(naming.candidateKeys(for: "useNewAlgorithm") == ["toggle:useNewAlgorithm"])
        #expect(ToggleNaming(pattern: "*").name(of: "toggle:x") == "toggle:x")
        #expect(ToggleNaming(pattern: "app:*:flag").name(of: "app:x:flag") == "app:x:flag")
    }

    @Test func toggleJSONHasStableKeys() throws {
        let toggle = try #require(
            Toggle(
                key: "useNewAlgorithm", name: "useNewAlgorithm",
                pairs: [("toggle", "True"), ("override", "fb-user")]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(toggle), as: UTF8.self)
        #expect(
            json
                == #"{"audiences":["fb-user"],"fields":{"override":"fb-user","toggle":"True"},"fingerprint":null,"key":"useNewAlgorithm","name":"useNewAlgorithm","override":"fb-user","releaseNum":null,"state":"on","value":"True"}"#
        )
        let decoded = try JSONDecoder().decode(Toggle.self, from: Data(json.utf8))
        #expect(decoded == toggle)
    }
}
