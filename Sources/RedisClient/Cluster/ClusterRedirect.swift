/// A cluster's answer that a key lives elsewhere: `MOVED slot host:port` (for good: refresh the
/// topology) or `ASK slot host:port` (for this command only, during a slot migration: send
/// `ASKING` first).
struct ClusterRedirect: Equatable {
    enum Kind { case moved, ask }
    let kind: Kind
    let slot: Int
    let host: String
    let port: Int

    init?(_ message: String) {
        let parts = message.split(separator: " ")
        guard parts.count == 3, let slot = Int(parts[1]), (0..<HashSlot.count).contains(slot) else { return nil }
        switch parts[0] {
        case "MOVED": kind = .moved
        case "ASK": kind = .ask
        default: return nil
        }
        // host:port, where the host may be an IPv6 address with colons of its own.
        let address = parts[2]
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else { return nil }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.slot = slot
        self.host = host
        self.port = port
    }
}
