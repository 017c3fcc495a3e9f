import Dashboard
import Foundation
import Testing

/// Issue 29, bug 9: a replica is read-only because the server says so, on every server line;
/// promoted while the dashboard is open (REPLICAOF NO ONE), it takes flips again without a
/// restart. Read-only from the config (`--read-only`) still never switches off.
@Suite struct ReplicaPromotionTests {
    private func replica(_ role: String?) -> ServerInfo {
        var info = Fixtures.server
        info.replica = role
        info.topology = role
        return info
    }

    @Test func aPromotedReplicaTakesFlipsAgain() {
        var s = Fixtures.loaded(server: replica("replica of 10.0.0.1:6379"))
        #expect(s.readOnly)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(server: replica(nil)), duration: 0.01, at: Fixtures.at(1)))
        #expect(!s.readOnly, "still read-only after the server said it is a master")
        #expect(s.server?.topology == nil)
        // A poll without the server line (its budget not due) changes nothing.
        var quiet = Fixtures.snapshot()
        quiet.server = nil
        _ = update(&s, .pollSucceeded(quiet, duration: 0.01, at: Fixtures.at(2)))
        #expect(!s.readOnly)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(server: replica("replica of 10.0.0.2:6379")), duration: 0.01, at: Fixtures.at(3)))
        #expect(s.readOnly)
    }

    /// The server-line poller reports one server's shape as "" on every poll: the replica's
    /// role must survive it, or the status bar never says "replica of".
    @Test func theStatusBarNamesTheMasterOfOneServer() {
        var s = Fixtures.loaded(width: 200)
        var snapshot = Fixtures.snapshot(server: replica("replica of 10.0.0.1:6379"))
        snapshot.topology = ""
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        #expect(s.server?.topology == "replica of 10.0.0.1:6379")
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("replica of 10.0.0.1:6379"))
        snapshot = Fixtures.snapshot(server: replica(nil))
        snapshot.topology = ""
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(2)))
        #expect(s.server?.topology == nil)
    }

    @Test func readOnlyFromTheConfigStaysThroughAPromotion() {
        var configured = replica("replica of 10.0.0.1:6379")
        configured.readOnly = true
        var s = Fixtures.loaded(server: configured)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(server: replica(nil)), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.readOnly)
    }
}
