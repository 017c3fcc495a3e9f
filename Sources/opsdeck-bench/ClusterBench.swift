import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport

/// Figure 1e: the toggle snapshot on a 3-master cluster (ClusterLink: one pipeline per node,
/// replies put back in order) against redis-benchmark on the same nodes. redis-benchmark's own
/// cluster mode only sends keys it tags itself, so each master also gets a copy of its share of
/// the toggles under a hash tag it owns (`{t1}toggle:000000000042`, the same hashes), and the
/// baseline runs redis-benchmark on each master in turn, random keys of that copy (`-r`), at the
/// pipeline depth opsdeck used on that node, adding the times each master's share takes.
struct ClusterBench {
    let options: BenchOptions
    let report: Report

    func run() throws {
        Progress.say("starting a 3-master cluster and loading \(options.toggles) toggles over it")
        let cluster = try LocalCluster(masters: 3, port: freeLoopbackPort)
        defer { cluster.stop() }
        let link = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint(), readTimeout: 60))
        try SyntheticData.load(SyntheticData.toggleCommands(count: options.toggles), on: link)
        let keys = (0..<options.toggles).map { RedisKey(SyntheticData.toggleKey($0)) }

        // Each master's share of the snapshot, and one of its toggles for redis-benchmark.
        var shares = [Int](repeating: 0, count: 3)
        var perNodeKeys = [[RedisKey]](repeating: [], count: 3)
        for key in keys {
            let node = try cluster.master(of: HashSlot.of(key.bytes))
            shares[node] += 1
            perNodeKeys[node].append(key)
        }
        // A hash tag each master owns, and a copy of its share under it for redis-benchmark.
        var tags = [String?](repeating: nil, count: 3)
        var candidate = 0
        while tags.contains(nil) {
            let tag = "{t\(candidate)}"
            let node = try cluster.master(of: HashSlot.of(tag))
            if tags[node] == nil { tags[node] = tag }
            candidate += 1
        }
        for node in 0..<3 {
            try SyntheticData.load(SyntheticData.toggleCommands(count: shares[node], prefix: tags[node] ?? ""), on: link)
        }
        // The same snapshot sent by hand, one connection per master: what routing costs.
        let direct = try (0..<3).map { node -> RedisConnection in
            let connection = RedisConnection(options: RedisConnectionOptions(endpoint: cluster.endpoint(node: node), readTimeout: 60))
            try connection.connect()
            return connection
        }
        guard try fetch(keys, on: link) == keys.count else {
            throw BenchFailure("the cluster snapshot decoded the wrong number of toggles")
        }

        var runs: [Double] = []
        var baselineRuns: [Double] = []
        var parallelRuns: [Double] = []
        var byHandRuns: [Double] = []
        for _ in 0..<options.repeats {
            runs.append(try Stopwatch.time { _ = try fetch(keys, on: link) })
            byHandRuns.append(try Stopwatch.time { for node in 0..<3 { _ = try fetch(perNodeKeys[node], on: direct[node]) } })
            var perNode: [Double] = []
            for node in 0..<3 {
                guard let tag = tags[node], shares[node] > 0 else { continue }
                let benchmark = try RedisBenchmark(target: ["-h", "127.0.0.1", "-p", String(cluster.ports[node])])
                let result = try benchmark.run(
                    ["HGETALL", tag + "toggle:__rand_int__"], requests: max(shares[node] * 10, 100_000),
                    pipeline: shares[node], keyspace: shares[node])
                perNode.append(Double(shares[node]) / result.requestsPerSecond)
            }
            baselineRuns.append(perNode.reduce(0, +))
            parallelRuns.append(perNode.max() ?? .nan)
        }
        let sample = Sample(runs), baseline = Sample(baselineRuns), parallel = Sample(parallelRuns)
        let ratio = sample.median / baseline.median
        report.add(
            Figure(
                id: "toggles.snapshot.cluster", title: "1e. toggle snapshot on a 3-master cluster (\(keys.count) toggles)", unit: "s",
                value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
                baselineLabel: "redis-benchmark per master, -P its share", ratio: ratio, goal: "<= 1.30x",
                verdict: ratio <= 1.3 ? .pass : .miss,
                note: String(
                    format: "shares %@; all three masters at once would take %.4f s (%.2fx of it); %@",
                    shares.map(String.init).joined(separator: "/"), parallel.median, sample.median / parallel.median,
                    TogglesBench.pathNote),
                runs: sample.runs.count))
        let byHand = Sample(byHandRuns)
        report.add(
            Figure(
                id: "toggles.snapshot.cluster.byhand", title: "1f. the same, one RedisConnection per master by hand", unit: "s",
                value: byHand.median, min: byHand.min, baseline: baseline.median, baselineMin: baseline.min,
                baselineLabel: "redis-benchmark per master, -P its share", ratio: byHand.median / baseline.median,
                goal: "report (what routing adds: 1e over this)", verdict: .info,
                note: String(format: "ClusterLink's routing and reordering cost %.2fx of this", sample.median / byHand.median),
                runs: byHand.runs.count))
    }

    private func fetch(_ keys: [RedisKey], on redis: any RedisCommandSender) throws -> Int {
        try ToggleStore.fetch(OpsEnvironment(redis: redis, readOnly: true), keys: keys).count
    }
}
