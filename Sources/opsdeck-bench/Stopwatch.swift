#if canImport(Glibc)
    import Glibc
#endif

/// Monotonic time in seconds (CLOCK_MONOTONIC), for measuring intervals only.
enum Stopwatch {
    static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }
}

/// Repeated timings of one thing, in seconds. The machine is shared and noisy, so figures use
/// the median (typical) and the minimum (least disturbed) of several runs, never one run.
struct Sample: Sendable {
    let runs: [Double]

    init(_ runs: [Double]) { self.runs = runs }

    var median: Double {
        let sorted = runs.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var min: Double { runs.min() ?? .nan }

    /// Runs `body` `warmup` times untimed (caches, connections, allocator), then `repeats` times timed.
    static func measure(repeats: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> Sample {
        for _ in 0..<warmup { try body() }
        var runs: [Double] = []
        for _ in 0..<max(1, repeats) { runs.append(try Stopwatch.time(body)) }
        return Sample(runs)
    }
}
