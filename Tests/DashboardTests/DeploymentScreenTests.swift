import Foundation
import Testing
@testable import Dashboard

/// What the screen says about the deployment: its shape in the status bar (a cluster, the
/// master the Sentinels name), and a failover as soon as a poll reports it.
@Suite struct DeploymentScreenTests {
    @Test func aFailoverIsSaidAndTheNewMasterNamed() {
        var s = Fixtures.loaded(width: 160, height: 30)
        var first = Fixtures.snapshot()
        first.topology = "sentinel mymaster → 10.0.0.1:6379"
        _ = update(&s, .pollSucceeded(first, duration: 0.01, at: Fixtures.at(1)))
        let before = Fixtures.picture(Fixtures.screen(s))
        #expect(before.contains("sentinel mymaster → 10.0.0.1:6379"), "\(before)")
        #expect(!before.contains("failover"))

        var moved = Fixtures.snapshot()
        moved.topology = "sentinel mymaster → 10.0.0.2:6380"
        moved.deploymentEvents = ["failover: master mymaster moved from 10.0.0.1:6379 to 10.0.0.2:6380"]
        _ = update(&s, .pollSucceeded(moved, duration: 0.01, at: Fixtures.at(2)))
        let after = Fixtures.picture(Fixtures.screen(s))
        #expect(after.contains("sentinel mymaster → 10.0.0.2:6380"), "\(after)")
        #expect(after.contains("failover: master mymaster moved from 10.0.0.1:6379 to 10.0.0.2:6380"), "\(after)")
        // The flash goes; the status bar keeps saying it for ten minutes.
        _ = update(&s, .tick(Fixtures.at(62)))
        let later = Fixtures.picture(Fixtures.screen(s))
        #expect(later.contains("failover 1m ago") && !later.contains("moved from"), "\(later)")
        _ = update(&s, .tick(Fixtures.at(700)))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("failover"))

        // Back to one server: the shape goes away.
        var plain = Fixtures.snapshot()
        plain.topology = ""
        _ = update(&s, .pollSucceeded(plain, duration: 0.01, at: Fixtures.at(3)))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("sentinel mymaster"))
    }

    /// At 80 columns the bar is cut on the right: the failover comes before the endpoint.
    @Test func aFailoverStaysOnANarrowBar() {
        var s = Fixtures.loaded(width: 80, height: 24)
        var moved = Fixtures.snapshot()
        moved.topology = "sentinel mymaster → 10.0.0.2:6380"
        moved.deploymentEvents = ["failover: master mymaster moved from 10.0.0.1:6379 to 10.0.0.2:6380"]
        _ = update(&s, .pollSucceeded(moved, duration: 0.01, at: Fixtures.at(2)))
        _ = update(&s, .tick(Fixtures.at(70)))
        let bar = Fixtures.picture(Fixtures.screen(s)).split(separator: "\n").dropLast().last.map(String.init) ?? ""
        #expect(bar.contains("failover 1m ago") && bar.contains("connected"), "\(bar)")
    }
}
