import Foundation

/// Which toggles a poll saw changed by someone else, and when: the brief flash and `*` of their
/// rows. A plain value owned by `TogglesState`, on the main queue.
///
/// One batch per poll that changed something: the poll's time and the places (indices into
/// `TogglesState.rows`) that changed, in ascending order. A dictionary of names cost a hash and
/// an insertion per toggle, and its growth from empty after each expiry, on every poll: most of
/// applying a poll of 10,000 changed toggles (issue 28, figure 5b). Places stay valid while the
/// rows keep their places; `remap` moves them when a poll brings the toggles in other places.
public struct ToggleFlashes: Hashable, Sendable {
    /// One poll's changes: when it saw them and where.
    struct Batch: Hashable, Sendable {
        var at: Date
        /// Ascending, each place once.
        var places: [Int]
    }

    /// Oldest first (in the order polls noted them).
    private(set) var batches: [Batch] = []

    public init() {}

    /// No flash is remembered.
    public var isEmpty: Bool { batches.isEmpty }

    /// How many places the batch of `at` holds (0 when no poll at `at` changed anything).
    public func count(at time: Date) -> Int { batches.last { $0.at == time }?.places.count ?? 0 }

    /// The places the poll of `at` saw changed, ascending.
    public func places(at time: Date) -> [Int] { batches.last { $0.at == time }?.places ?? [] }

    /// The row at `place` changed at `time`. Places of one time come in ascending order from a
    /// poll; any other order is still kept sorted.
    public mutating func note(_ place: Int, at time: Date) {
        guard let last = batches.indices.last, batches[last].at == time else {
            batches.append(Batch(at: time, places: [place]))
            return
        }
        if let end = batches[last].places.last, end >= place {
            let i = Self.lowerBound(place, in: batches[last].places)
            if batches[last].places[i] != place { batches[last].places.insert(place, at: i) }
        } else {
            batches[last].places.append(place)
        }
    }

    /// The rows at `places` (ascending) changed at `time`: one batch, not one note each.
    public mutating func note(_ places: [Int], at time: Date) {
        guard !places.isEmpty else { return }
        guard batches.last?.at != time, zip(places, places.dropFirst()).allSatisfy({ $0 < $1 }) else {
            for place in places { note(place, at: time) }
            return
        }
        batches.append(Batch(at: time, places: places))
    }

    /// When the row at `place` last changed, if a remembered batch holds it.
    public func changedAt(_ place: Int) -> Date? {
        for batch in batches.reversed() {
            let i = Self.lowerBound(place, in: batch.places)
            if i < batch.places.count, batch.places[i] == place { return batch.at }
        }
        return nil
    }

    /// Forgets batches whose flash is over at `now`, so memory does not grow for ever.
    public mutating func expire(now: Date, after seconds: Double) {
        batches.removeAll { now.timeIntervalSince($0.at) >= seconds }
    }

    /// The rows moved: each place becomes `newPlace(place)`, or is forgotten when that is nil
    /// (the toggle is gone).
    public mutating func remap(_ newPlace: (Int) -> Int?) {
        for b in batches.indices {
            batches[b].places = Array(Set(batches[b].places.compactMap(newPlace))).sorted()
        }
        batches.removeAll { $0.places.isEmpty }
    }

    /// The first index of `places` (ascending) whose value is not below `place`.
    private static func lowerBound(_ place: Int, in places: [Int]) -> Int {
        var (low, high) = (0, places.count)
        while low < high {
            let mid = (low + high) / 2
            if places[mid] < place { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
