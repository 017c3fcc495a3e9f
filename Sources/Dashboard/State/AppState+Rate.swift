import Foundation

/// The status bar's `N cmd/s` on a steady cadence (issue 28, benchmark 6a): the rate is a 30 s
/// trailing average that moves a little with every poll, so shown as it came it flipped between
/// two whole numbers about once a second, and each flip was a frame of its own on an idle
/// dashboard. Pure; main queue.
extension AppState {
    /// A shown rate stays at least this long before a new figure replaces it.
    public static let rateShownFor: Double = 10

    /// Takes the poll's `commandsPerSecond` into `shownRate`: the first figure at once, then a
    /// different whole number at most every `rateShownFor` seconds; none when the rate is gone.
    mutating func showRate(at: Date) {
        guard let rate = commandsPerSecond else {
            shownRate = nil
            shownRateSince = nil
            return
        }
        if let shown = shownRate, let since = shownRateSince {
            if Int(shown.rounded()) == Int(rate.rounded()) { return }
            // A clock that went back starts the cadence again.
            if at >= since, at.timeIntervalSince(since) < Self.rateShownFor { return }
        }
        shownRate = rate
        shownRateSince = at
    }
}
