import Foundation
import Testing
@testable import Dashboard

/// Literal pictures of the grouped Errors pane and the Toggles pane with error rates, and the
/// behaviour behind them: Enter lists a group's members, `v` shows every error, `[`/`]` step the
/// window, a spike and a flip elsewhere are noticed.
@Suite struct ErrorGroupScreenTests {
    static func member(_ i: Int, seconds: Double) -> ErrorRow {
        ErrorRow(
            id: "useNewAlgorithm:11-26-26-18-0\(i)-00", time: Fixtures.at(-seconds), toggleName: "useNewAlgorithm",
            toggleValue: "True", fingerprint: "John S", firstLine: "ArrayIndexOutOfBoundsException: Index \(i) out of bounds for length 3",
            frame: "Cart.java:88", body: "java.lang.ArrayIndexOutOfBoundsException: Index \(i) out of bounds for length 3")
    }

    static let groups = [
        ErrorGroupRow(
            id: "a", toggleName: "useNewAlgorithm",
            exception: "ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 3", frame: "Cart.java:88",
            count: 30, firstSeen: Fixtures.at(-600), lastSeen: Fixtures.at(-120),
            series: [0, 0, 0, 0, 2, 4, 8, 8, 6, 2, 0, 0], members: [member(1, seconds: 120), member(2, seconds: 300)]),
        ErrorGroupRow(
            id: "b", toggleName: "darkMode", exception: "payment timed out after 30s", count: 2,
            firstSeen: Fixtures.at(-800), lastSeen: Fixtures.at(-700), series: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            members: []),
    ]

    static func grouped(width: Int, height: Int) -> AppState {
        var s = Fixtures.loaded(width: width, height: height)
        var snapshot = DashboardSnapshot()
        snapshot.errorGroups = groups
        let times = (0..<30).map { Fixtures.at(-Double(5 + $0 * 3)) }
        snapshot.errorRates = [
            "useNewAlgorithm": ErrorRate(count: 30, series: [0, 0, 0, 0, 2, 4, 8, 8, 6, 2, 0, 0], times: times),
            "darkMode": ErrorRate(
                count: 2, series: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                times: [Fixtures.at(-800), Fixtures.at(-700)]),
        ]
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.t0))
        s.focus = .errors
        return s
    }

    @Test func groupedErrorsAt80x24() {
        let s = Self.grouped(width: 80, height: 24)
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("┌ 3 Errors (last 15m, 2 groups) "))
        #expect(picture.contains("│Count Last    Trend        Toggle          Exception                          │"))
        #expect(picture.contains("│   30 2m ago      ▂▄██▆▂   useNewAlgorithm ArrayIndexOutOfBoun… · Cart.java:88│"))
        #expect(picture.contains("│    2 11m ago ██           darkMode        payment timed out after 30s        │"))
    }

    @Test func groupedErrorsAt160x48AndMembers() {
        var s = Self.grouped(width: 160, height: 48)
        var picture = Fixtures.picture(Fixtures.screen(s))
        // The grid at 160x48: each pane is 80 wide; the frame stays visible, the message is cut.
        #expect(picture.contains("│   30 2m ago      ▂▄██▆▂   useNewAlgorithm ArrayIndexOutOfBoun… · Cart.java:88││"))
        _ = s.press(.enter)
        picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("3 Errors (last 15m, group of 30, Esc back)"))
        #expect(picture.contains("│2m ago    useNewAlgorithm John S      ArrayIndexOutOfBoundsExc… · Cart.java:88││"))
        #expect(picture.contains("5m ago    useNewAlgorithm"))
        _ = s.press(.escape, .char("v"))
        #expect(!s.errors.showsGroups)
        _ = s.press(.char("v"))
        #expect(s.errors.showsGroups)
    }

    @Test func togglesWithRatesAndTheMarkAt80x24() {
        var s = Self.grouped(width: 80, height: 24)
        s.focus = .toggles
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("1 Toggles 4 · errors last 15m"))
        #expect(picture.contains("Name▲           State  Errors      Release Fingerprint Override Last change │"))
        // useNewAlgorithm was flipped by alice 2 min ago; its errors rose after it: marked. At
        // 80 columns the Fingerprint gives way, so who changed it and when stays readable.
        #expect(picture.contains("│! useNewAlgorithm ON       30   ▃█▄  2.5     John S      fb-user  alice 2m ago│"))
        #expect(picture.contains("│  darkMode        OFF       2 █      2.10    Stephanie B"))
        _ = s.press(.char("o"), .char("o"), .char("o"), .char("o"))
        #expect(s.toggles.sort == .errors)
        #expect(s.toggles.row(atVisible: 0).name == "useNewAlgorithm")
    }

    @Test func windowStepsAndEffects() {
        var s = Self.grouped(width: 80, height: 24)
        #expect(s.press(.char("]")) == [.setErrorWindow(3_600)])
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("3 Errors (last 1h"))
        #expect(s.press(.char("["), .char("["), .char("[")) == [.setErrorWindow(900), .setErrorWindow(300)])
        #expect(s.flash?.text.contains("narrowest") == true)
        #expect(s.press(.char("x")) == [.exportIncident(window: 300, range: ErrorRange())])
    }

    @Test func aSpikingGroupIsNoticed() {
        var s = Self.grouped(width: 80, height: 24)
        var bigger = Self.groups
        bigger[1].count = 40
        var snapshot = DashboardSnapshot()
        snapshot.errorGroups = bigger
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        #expect(s.flash?.text == "errors spiking: darkMode payment timed out after 30s +38")
    }

    /// A notice rings the terminal's bell only when the config asks (`bell: true`); a poll with
    /// nothing to notice never does.
    @Test func aNoticeRingsTheBellOnlyWhenAsked() {
        var bigger = Self.groups
        bigger[1].count = 40
        var snapshot = DashboardSnapshot()
        snapshot.errorGroups = bigger
        var quiet = Self.grouped(width: 80, height: 24)
        #expect(update(&quiet, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1))).isEmpty)
        var asked = Self.grouped(width: 80, height: 24)
        asked.bellOnNotices = true
        #expect(update(&asked, .pollSucceeded(DashboardSnapshot(), duration: 0.01, at: Fixtures.at(1))).isEmpty)
        #expect(update(&asked, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(2))) == [.bell])
        #expect(asked.flash?.text.hasPrefix("errors spiking") == true)
    }

    @Test func timelineSaysWhatFollowedTheFlip() {
        var s = Self.grouped(width: 80, height: 24)
        s.focus = .toggles
        var detail = DetailScreenTests.toggleDetail()
        detail.name = "useNewAlgorithm"
        detail.history = [AuditSummary(actor: "priya@laptop", time: Fixtures.at(-600), old: "False", new: "True")]
        s.toggles.detail = .loaded(detail)
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("errors started 8m after priya set it to True (10m ago); 30 since"))
        #expect(picture.contains("Timeline (last 15m)"))
        #expect(picture.contains("! its errors rose after its last flip"))
    }
}
