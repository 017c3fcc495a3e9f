/// One server's three lines in the Server pane: who and how busy; memory and eviction; keys
/// and replication. Stateless; main queue.
enum ServerNodeLines {
    static func lines(_ node: ServerNode, history: [Int], theme: Theme) -> [Line] {
        let ops = node.opsPerSecond.map(Formatting.count) ?? "?"
        var first = [
            Span(SafeText.line(node.address, width: 50), style: theme[.title]),
            Span(" " + SafeText.line(node.role, width: 10), style: theme[.muted]),
            Span(" · ops/s " + ops + " ", style: theme[.text]),
            Span(Formatting.sparkline(history, width: 12), style: theme[.highlight]),
        ]
        if let clients = node.connectedClients {
            first.append(Span(" · clients \(Formatting.count(clients))", style: theme[.text]))
            if let blocked = node.blockedClients {
                first.append(Span(" (\(Formatting.count(blocked)) blocked)", style: blocked > 0 ? theme[.sevWarning] : theme[.muted]))
            }
        }
        var memory = "  memory " + (node.usedMemory.map(bytes) ?? "?")
        var memoryStyle = theme[.text]
        if let max = node.maxMemory, max > 0, let used = node.usedMemory {
            let share = used * 100 / max
            memory += " of \(bytes(max)) (\(share)%)"
            if share >= 90 { memoryStyle = theme[.error] }
        } else {
            memory += " (no maxmemory)"
        }
        if let policy = node.evictionPolicy { memory += " · " + SafeText.line(policy, width: 20) }
        let evicted = " · evicted " + (node.evictedKeys.map(Formatting.count) ?? "?")
        let evicting = (node.evictedKeys ?? 0) > 0
        let second = Line([Span(memory, style: memoryStyle), Span(evicted, style: evicting ? theme[.sevWarning] : theme[.text])])
        var third = [
            Span(
                "  expired " + (node.expiredKeys.map(Formatting.count) ?? "?")
                    + " · hits " + (node.hitRatio.map { percent($0) } ?? "–") + " · ", style: theme[.text])
        ]
        if let upstream = node.upstream {
            third.append(Span("replica " + SafeText.line(upstream, width: 80), style: theme[.text]))
        } else if node.replicas.isEmpty {
            third.append(Span("no replicas", style: theme[.muted]))
        } else {
            third.append(
                Span("replicas: " + node.replicas.map { SafeText.line($0, width: 60) }.joined(separator: "; "), style: theme[.text]))
        }
        return [Line(first), second, Line(third)]
    }

    /// `512 B`, `1.5 KB`, `12.0 MB`, `1.2 GB` (powers of 1,024, as Redis counts memory).
    static func bytes(_ n: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(n)
        var unit = 0
        while value >= 1_024 && unit < units.count - 1 {
            value /= 1_024
            unit += 1
        }
        return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `98.2%`.
    static func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }

    /// A slow command's duration: `850 µs`, `12.3 ms`, `1.20 s`.
    static func duration(_ micros: Int) -> String {
        if micros < 1_000 { return "\(micros) µs" }
        if micros < 1_000_000 { return String(format: "%.1f ms", Double(micros) / 1_000) }
        return String(format: "%.2f s", Double(micros) / 1_000_000)
    }
}
