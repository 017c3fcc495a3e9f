import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 2, on the dashboard's side: its flip's reply lost after the server ran it (a
/// FaultProxy drops the connection then), the flip is reported done — with a note saying the
/// reply was lost and the flip found applied — never as "Flip failed", and never as plain done.
@Suite struct LostReplyFlipEffectTests {
    @Test func aFlipWhoseReplyIsLostIsDoneWithItsNote() throws {
        try withServer { server in
            try server.connect().execute("HSET", "darkMode", "toggle", "False")
            let proxy = try FaultProxy(backend: server.endpoint)
            defer { proxy.stop() }
            let endpoint = try RedisEndpoint(url: proxy.url)
            let rig = EffectRunnerTests.Rig([(DataKind.allCases, RedisConnectionOptions(endpoint: endpoint))])
            proxy.setRules([FaultRule("EVAL", .dropAfterCommand, times: 1)])
            let outcome = try rig.answer(.flip(toggle: "darkMode", to: true, expectedRaw: "False", reason: nil)) {
                if case .flipFinished(let outcome) = $0 { outcome } else { nil }
            }
            guard case .done(let toggle, let old, let new, _, let note) = outcome else {
                Issue.record("not done: \(outcome)")
                return
            }
            #expect(toggle == "darkMode" && old == "False" && new == "True")
            #expect(note?.contains("reply was lost") == true, "\(String(describing: note))")
            #expect(try server.connect().execute("HGET", "darkMode", "toggle").string == "True")

            // On screen: done, with the note, not "Flip failed".
            var state = AppState(now: Date())
            _ = update(&state, .flipFinished(outcome))
            let said = state.flash?.text ?? ""
            #expect(said.contains("reply lost; found applied") && state.flash?.isError == false, "\(said)")
        }
    }
}
