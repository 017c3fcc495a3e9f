import Foundation

/// The toggle detail's timeline: its flips (audit entries, and the note of an edit made outside
/// opsdeck) and its errors on one time axis over the window, and in words what followed the
/// last flip ("errors started 2m after priya set it to False"). Stateless; main queue.
enum ToggleTimeline {
    /// `rate` is nil both for "no errors in the window" and "not read yet": `ratesLoaded` tells
    /// them apart, so an unread count never reads as an all-clear (issue 23, bug 2).
    /// `range` is the Errors pane's `:from`/`:to` (the rates were read for it): the axis, the
    /// title and the words follow it; unset, the last `window` seconds up to `now`.
    static func lines(
        _ d: ToggleDetail, rate: ErrorRate?, ratesLoaded: Bool = true, counting: ErrorCounting? = nil, window: Double,
        range: ErrorRange = ErrorRange(), timeZone: TimeZone = TimeZone(identifier: "UTC")!, now: Date, theme: Theme, width: Int
    ) -> [Line] {
        let label = theme[.muted]
        let shown = range.label(window: window, timeZone: timeZone, now: now)
        var lines = [Line("Timeline (\(shown ?? "last " + Formatting.window(window)))", style: theme[.header])]
        let columns = max(12, min(60, width - 14))
        // The buckets slide with the clock: an open detail is drawn every second.
        ClockHorizon.note(1)
        let (start, end) = range.bounds(window: window, now: now)
        let span = max(1, end.timeIntervalSince(start))
        var counts = [Int](repeating: 0, count: columns)
        for time in rate?.times ?? [] where time >= start && time <= end {
            counts[min(columns - 1, Int(time.timeIntervalSince(start) / span * Double(columns)))] += 1
        }
        var marks = [Character](repeating: " ", count: columns)
        for entry in d.history where entry.time >= start && entry.time <= end {
            marks[min(columns - 1, Int(entry.time.timeIntervalSince(start) / span * Double(columns)))] = "▲"
        }
        lines.append(Line([Span("  errors  ", style: label), Span(Formatting.sparkline(counts), style: theme[.sevError])]))
        lines.append(Line([Span("  flips   ", style: label), Span(String(marks), style: theme[.sevWarning])]))
        let (left, right) =
            range.isSet
            ? (
                ErrorRange.format(start, timeZone: timeZone, now: now, after: nil),
                range.to == nil ? "now" : ErrorRange.format(end, timeZone: timeZone, now: now, after: start)
            )
            : ("-" + Formatting.window(window), "now")
        lines.append(
            Line("          " + left + String(repeating: " ", count: max(1, columns - left.count - right.count)) + right, style: label))
        let words = shown.map { "in " + $0 } ?? "in the last " + Formatting.window(window)
        lines.append(
            Line(
                "  "
                    + SafeText.line(
                        sentence(
                            d, rate: rate, ratesLoaded: ratesLoaded, counting: counting, window: span, words: words, since: start,
                            now: now),
                        width: max(1, width - 2)))
        )
        if let outside = d.outsideChange {
            lines.append(Line("  " + SafeText.line(outside, width: max(1, width - 2)), style: theme[.sevWarning]))
        }
        return lines
    }

    /// What followed the last flip, in words.
    /// `words` says the window (`in the last 15m`, `in 10:20–10:45`), `since` is its start.
    static func sentence(
        _ d: ToggleDetail, rate: ErrorRate?, ratesLoaded: Bool = true, counting: ErrorCounting? = nil, window: Double,
        words: String? = nil, since: Date? = nil, now: Date
    ) -> String {
        let words = words ?? "in the last " + Formatting.window(window)
        guard ratesLoaded else { return "error counts not read yet: catching up…" }
        let count = rate?.count ?? 0
        // The first walk has read only the newest ids: a count is a floor, and no all-clear.
        if let counting {
            let read = count == 0 ? "no errors" : "at least \(Formatting.count(count)) errors"
            return read + " \(words) so far (\(counting.label))"
        }
        guard let flip = d.history.first else {
            return count == 0
                ? "no errors and no recorded flips \(words)"
                : "\(Formatting.count(count)) errors \(words); no flips recorded by opsdeck"
        }
        let who =
            flip.seenBy != nil
            ? "someone outside opsdeck"
            : SafeText.line(flip.actor.split(separator: "@").first.map(String.init) ?? flip.actor, width: 30)
        let what = "\(who) set it to \(SafeText.line(flip.new, width: 12))"
        let ago = Formatting.ago(flip.time, now: now)
        guard let rate, let first = rate.first(after: flip.time) else {
            // Errors are counted within the window only: before it, "since the flip" is unknown.
            if flip.time < since ?? now.addingTimeInterval(-window) {
                return "no errors \(words) (\(what) \(ago))"
            }
            return "no errors since \(what) (\(ago))"
        }
        let before = rate.times.count { $0 < flip.time }
        let after = rate.count(after: flip.time)
        if before == 0 {
            return "errors started \(Formatting.age(first.timeIntervalSince(flip.time))) after \(what) (\(ago)); "
                + "\(Formatting.count(after)) since"
        }
        if rate.rose(after: flip.time, now: now) {
            return "errors rose after \(what) (\(ago)): \(Formatting.count(after)) since, \(Formatting.count(before)) before in the window"
        }
        return "errors did not rise after \(what) (\(ago)): \(Formatting.count(after)) since, \(Formatting.count(before)) before"
    }
}
