import RedisClient

/// The benchmark server's TLS listener, as opsdeck and redis-benchmark each reach it.
struct TLSTarget {
    let port: Int
    let caFile: String

    var endpoint: RedisEndpoint {
        RedisEndpoint(address: .tcp(host: "localhost", port: port), tls: TLSSettings(caFile: caFile))
    }

    var benchmarkArguments: [String] {
        ["-h", "localhost", "-p", String(port), "--tls", "--cacert", caFile]
    }
}
