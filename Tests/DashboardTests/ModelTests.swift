import Testing
import Versioning
@testable import Dashboard

@Suite struct ModelTests {
    @Test func releaseNumbersSortAsVersions() {
        // The pane's release sort follows the command line's rule (Versioning.ReleaseVersion).
        let releases = ["2.10", "2.5", "10.0", "2.5.1", "v2.6", "1.9"]
        let rows = releases.map { ToggleRow(name: "t" + $0, rawValue: "on", status: .on, releaseNum: $0) }
        let sorted = rows.sorted { ToggleSort.release.less($0, $1) }.compactMap(\.releaseNum)
        #expect(sorted == ["1.9", "2.5", "2.5.1", "v2.6", "2.10", "10.0"])
        #expect(sorted == releases.map(ReleaseVersion.init).sorted().map(\.raw))
    }

    @Test func emailAndPhoneAreMasked() {
        #expect(Masking.mask("john.smith@jsmith.com") == "j•••••••@jsmith.com")
        #expect(Masking.mask("718-111-2222") == "•••-•••-2222")
        #expect(Masking.mask("+1 (718) 111 2222") == "+• (•••) ••• 2222")
        #expect(Masking.mask("John Smith") == "John Smith")
        #expect(Masking.mask("2.5") == "2.5")
        #expect(Masking.mask("Fri Apr 5 09:51:05 GMT-5") == "Fri Apr 5 09:51:05 GMT-5")
    }

    @Test func logFilterParsesSourcesAndText() {
        let f = TailFilter(parsing: "source:Checkout timed  out source:api", minLevel: .info)
        #expect(f.sources == ["checkout", "api"] && f.text == "timed out")
        #expect(f.matches(LogLine(source: "checkout", severity: .error, message: "payment Timed Out")))
        #expect(!f.matches(LogLine(source: "checkout", severity: .debug, message: "timed out")))
        #expect(!f.matches(LogLine(source: "web", severity: .error, message: "timed out")))
        #expect(f.matches(TailEntry.lost(count: 3, estimate: true)))
    }

    @Test func formatting() {
        #expect(Formatting.age(0.4) == "now" && Formatting.age(125) == "2m" && Formatting.age(7_300) == "2h")
        #expect(Formatting.ttl(3_599) == "59m59s" && Formatting.ttl(0) == "expired" && Formatting.ttl(90_000) == "1d01h")
        #expect(Formatting.count(1_234_567) == "1,234,567" && Formatting.count(999) == "999")
        #expect(Formatting.clock(Fixtures.t0, in: Fixtures.utc) == "18:03:33")
    }
}
