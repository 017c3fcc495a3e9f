/// `redis-benchmark`, the server's own load generator: the baseline for "what the server can
/// serve" on the same socket, in the same run.
///
/// It prints one CSV row per test: requests per second and latency percentiles. Its clock has
/// millisecond resolution over the whole run, so runs are sized to take 100 ms or more.
struct RedisBenchmark {
    struct Result {
        /// Requests per second over the whole run.
        let requestsPerSecond: Double
        /// Median and minimum latency of one request (for -P 1, one round trip), in seconds.
        let p50: Double
        let minimum: Double
    }

    let path: String
    /// How redis-benchmark reaches the server: `-s SOCKET`, or host, port and TLS flags.
    let target: [String]

    init(socket: String) throws {
        try self.init(target: ["-s", socket])
    }

    init(target: [String]) throws {
        path = try ExternalProcess.locate("redis-benchmark", install: "apt-get install -y redis-tools")
        self.target = target
    }

    /// Runs `command` `requests` times on one connection (`-c 1`), `pipeline` per round trip.
    /// With `keyspace`, every `__rand_int__` in the command becomes a random 12-digit number
    /// below it (`-r`), so many different keys are hit.
    func run(_ command: [String], requests: Int, pipeline: Int, keyspace: Int? = nil) throws -> Result {
        var arguments = target + ["-n", String(requests), "-P", String(pipeline), "-c", "1", "--csv"]
        if let keyspace { arguments += ["-r", String(keyspace)] }
        let result = try ExternalProcess.run(path, arguments + command)
        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms",...
        let rows = result.output.split(separator: "\n").filter { !$0.hasPrefix("\"test\"") && $0.hasPrefix("\"") }
        guard let row = rows.last else { throw ExternalProcess.Failure.failed("redis-benchmark", status: 0, output: result.output) }
        let fields = Self.csvFields(String(row))
        guard fields.count >= 5, let rps = Double(fields[1]), let minimum = Double(fields[3]), let p50 = Double(fields[4]) else {
            throw ExternalProcess.Failure.failed("redis-benchmark (unreadable CSV)", status: 0, output: String(row))
        }
        return Result(requestsPerSecond: rps, p50: p50 / 1000, minimum: minimum / 1000)
    }

    /// Splits one CSV row of quoted fields (the test name may hold commas and quotes).
    private static func csvFields(_ row: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = row.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }
}
