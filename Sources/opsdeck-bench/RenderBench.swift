import Dashboard
import Foundation

/// Figure 5: the real `render(state, theme:, into:)` of the four-pane screen at 240x70 into a
/// fresh `ScreenBuffer`, plus `diff(from:)` against the previous frame, from a state holding
/// 10,000 toggles; the same with 100 toggles is the baseline. Only visible rows should cost
/// anything, so the ratio should be ~1. Also reported: applying a poll of that many toggles
/// (`update(.pollSucceeded)`) in which two toggles in three changed, and one in which three
/// toggles changed: the part is made as the feed makes it (`TogglesPart.send`: the changed
/// places, computed on the poller's side and not timed), so the main queue's share is measured.
struct RenderBench {
    let options: BenchOptions
    let report: Report

    static let width = 240
    static let height = 70

    func run() throws {
        let frames = options.quick ? 100 : 300
        let large = options.toggles
        let small = 100
        var largeRender: [Double] = []
        var smallRender: [Double] = []
        var largeApply: [Double] = []
        var smallApply: [Double] = []
        var largeFew: [Double] = []
        var smallFew: [Double] = []
        var changedCells = 0
        // Alternate the two states, so both see the same background load.
        var largeFrames = Frames(toggles: large)
        var smallFrames = Frames(toggles: small)
        var largeFewFrames = Frames(toggles: large, changing: .three)
        var smallFewFrames = Frames(toggles: small, changing: .three)
        for round in 0..<options.repeats {
            // The three-row polls first: after the 10,000-row apply the caches are another's.
            largeFew.append(largeFewFrames.applyPoll(round: round))
            smallFew.append(smallFewFrames.applyPoll(round: round))
            largeApply.append(largeFrames.applyPoll(round: round))
            smallApply.append(smallFrames.applyPoll(round: round))
            for _ in 0..<(frames / options.repeats) {
                let (seconds, changes) = largeFrames.frame()
                largeRender.append(seconds)
                changedCells = changes
                smallRender.append(smallFrames.frame().seconds)
            }
        }
        let render = Sample(largeRender)
        let renderBase = Sample(smallRender)
        let ratio = render.median / renderBase.median
        report.add(
            Figure(
                id: "render.frame", title: "5a. render 240x70 + diff (\(large) toggles)", unit: "s",
                value: render.median, min: render.min, baseline: renderBase.median, baselineMin: renderBase.min,
                baselineLabel: "same with \(small) toggles", ratio: ratio, goal: "ratio ~1 (<= 1.20x)",
                verdict: ratio <= 1.2 ? .pass : .miss,
                note: "real Dashboard render(state, theme: .dark, into:) + ScreenBuffer.diff; the clock ticks 1 s "
                    + "between frames (about \(changedCells) changed cells per frame)",
                runs: render.runs.count))
        let apply = Sample(largeApply)
        let applyBase = Sample(smallApply)
        report.add(
            Figure(
                id: "render.apply_poll", title: "5b. apply a poll of \(large) toggles (update)", unit: "s",
                value: apply.median, min: apply.min, baseline: applyBase.median, baselineMin: applyBase.min,
                baselineLabel: "same with \(small) toggles", ratio: apply.median / applyBase.median,
                goal: "<= 2 ms (issue 28; once per poll, not per frame)", verdict: apply.median <= 0.002 ? .pass : .miss,
                note: "update(&state, .pollSucceeded) with two toggles in three changing value each round "
                    + "(\(large * 2 / 3) of \(large)); the part made as the feed makes it (changed places computed "
                    + "on the poller's side, not timed)",
                runs: apply.runs.count))
        let few = Sample(largeFew)
        let fewBase = Sample(smallFew)
        report.add(
            Figure(
                id: "render.apply_poll_few", title: "5b'. apply a poll of \(large) toggles, 3 changed", unit: "s",
                value: few.median, min: few.min, baseline: fewBase.median, baselineMin: fewBase.min,
                baselineLabel: "3 of \(small) changed", ratio: few.median / fewBase.median,
                goal: "only the changed rows applied: ratio ~1 (report)", verdict: .info,
                note: "update(&state, .pollSucceeded) with 3 toggles changing value each round; unchanged rows "
                    + "should cost the main queue nothing",
                runs: few.runs.count))
    }

    /// A dashboard state with `toggles` toggles and full panes, and the previous frame.
    struct Frames {
        var state: AppState
        var previous: ScreenBuffer
        let toggleCount: Int
        let changing: Changing
        var clock: Date
        /// The rows last sent and their version, as `TogglesFeed` keeps them.
        var lastSent: (rows: [ToggleRow], version: UInt64)?

        /// Which toggles change value from one round to the next.
        enum Changing {
            /// Two in three (the value is `(i + round) % 3 != 0`).
            case twoInThree
            /// Three, a quarter, half and three quarters of the way down.
            case three
        }

        init(toggles: Int, changing: Changing = .twoInThree) {
            toggleCount = toggles
            self.changing = changing
            clock = Date(timeIntervalSince1970: 1_795_000_000)
            state = AppState(
                now: clock, width: RenderBench.width, height: RenderBench.height,
                server: ServerInfo(endpoint: "unix:///tmp/bench.sock", version: "7.0.15", searchModule: "ft 1.2"),
                timeZone: TimeZone(identifier: "UTC")!)
            let first = Self.snapshot(toggles: toggles, changing: changing, round: 0, at: clock, sent: &lastSent)
            _ = update(&state, .pollSucceeded(first, duration: 0.02, at: clock))
            _ = update(&state, .searchFinished(.success(Self.searchPage())))
            previous = ScreenBuffer(width: RenderBench.width, height: RenderBench.height)
            render(state, theme: .dark, into: &previous)
        }

        /// One frame after a one-second tick: render into a fresh buffer and diff. Returns the
        /// seconds taken (render + diff) and the number of changed cells.
        mutating func frame() -> (seconds: Double, changes: Int) {
            clock = clock.addingTimeInterval(1)
            _ = update(&state, .tick(clock))
            var changes = 0
            var buffer = ScreenBuffer(width: 0, height: 0)
            let seconds = Stopwatch.time {
                buffer = ScreenBuffer(width: RenderBench.width, height: RenderBench.height)
                render(state, theme: .dark, into: &buffer)
                changes = buffer.diff(from: previous).count
            }
            previous = buffer
            return (seconds, changes)
        }

        mutating func applyPoll(round: Int) -> Double {
            clock = clock.addingTimeInterval(1)
            let snapshot = Self.snapshot(toggles: toggleCount, changing: changing, round: round + 1, at: clock, sent: &lastSent)
            let at = clock
            return Stopwatch.time { _ = update(&state, .pollSucceeded(snapshot, duration: 0.02, at: at)) }
        }

        static func snapshot(
            toggles: Int, changing: Changing, round: Int, at: Date, sent: inout (rows: [ToggleRow], version: UInt64)?
        ) -> DashboardSnapshot {
            let quarter = max(1, toggles / 4)
            let rows = (0..<toggles).map { i in
                let on: Bool
                switch changing {
                case .twoInThree: on = (i + round) % 3 != 0
                case .three: on = [quarter, 2 * quarter, 3 * quarter].contains(i) ? (i + round) % 2 == 0 : i % 3 != 0
                }
                return ToggleRow(
                    name: SyntheticData.toggleKey(i), rawValue: on ? "True" : "False", status: on ? .on : .off,
                    releaseNum: "\(2 + i % 5).\(i % 13)", fingerprint: SyntheticData.developers[i % 8],
                    override: i % 4 == 0 ? SyntheticData.authTypes[i % 5] : nil)
            }
            let sessions = (0..<50).map { i in
                SessionRow(
                    key: "session:\(String(i, radix: 16)):\(1000 + i)",
                    fields: [
                        FieldRow(name: "name", value: "User \(i)"), FieldRow(name: "email", value: "user\(i)@example.com"),
                        FieldRow(name: "authType", value: SyntheticData.authTypes[i % 5]),
                    ], ttl: 600 + i, authType: SyntheticData.authTypes[i % 5])
            }
            let lines = (0..<200).map { i in
                LogLine(
                    source: "svc\(i % 10)", severity: LogLevel(rawValue: i % 5) ?? .info,
                    message: "request \(round)-\(i) handled in \(i % 97) ms", timestamp: at)
            }
            var toggles = TogglesPart()
            toggles.send(rows, after: &sent)
            return DashboardSnapshot(
                [
                    toggles, SessionsPart(rows: sessions, count: .exact(100_000)), LogsPart(newLines: lines),
                    ErrorsPart(counts: (0..<20).map { ToggleCount(toggle: "feature\($0)", count: 500 - $0) }),
                ], commandsPerSecond: 3)
        }

        static func searchPage() -> ErrorSearchView {
            let rows = (0..<50).map { i in
                ErrorRow(
                    id: "feature\(i):03-12-19-10-32-\(i % 60)", time: nil, toggleName: "feature\(i)", toggleValue: "True",
                    fingerprint: "John S,Stephanie B", firstLine: SyntheticData.exceptions[i % 5],
                    body: SyntheticData.exceptions[i % 5])
            }
            return ErrorSearchView(query: "payment", total: 4_000, rows: rows, backendLabel: "RediSearch 1.x")
        }
    }
}
