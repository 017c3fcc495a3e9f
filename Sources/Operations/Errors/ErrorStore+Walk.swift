import Foundation
import RedisClient

extension ErrorStore {
    /// Starts the first walk over every id into a fresh `ledger`, and reads its first slice
    /// (`continueWalk`). 1.x answers newest first; 2.x oldest first, so there the walk reads
    /// pages from the end backwards, which needs the index's size: without `FT.INFO` figures
    /// (refused) 2.x returns false, and the caller reads every id in one pass instead.
    func startWalk(
        _ ledger: inout ErrorIdLedger, _ env: OpsEnvironment, module: SearchModule, horizon: Date, newest: Int,
        figures: ErrorIdLedger.Figures?, reason: String
    ) throws(OperationsError) -> Bool {
        guard module.generation == .v1 || figures != nil else { return false }
        let idsBefore = ledger.idsRead
        ledger.reset(horizon: horizon, newestLimit: newest)
        ledger.idsRead = idsBefore
        ledger.walk = .init(expected: figures?.documents ?? 0, figures: figures, reason: reason)
        try continueWalk(&ledger, env, module: module)
        return true
    }

    /// Reads the next `walkPagesPerPass` pages of the walk under way (every page when nil),
    /// newest first; the ledger's figures cover what was read (`ErrorIdLedger.counting`). The
    /// last page ends the walk as a full read: the edge and figures are set for incremental
    /// passes. Documents added while the walk goes on are newer than its edge: 1.x puts them
    /// in front (they push the rest back, seen twice and counted once), 2.x after the end the
    /// walk started from; either way the next incremental pass reads them.
    func continueWalk(_ ledger: inout ErrorIdLedger, _ env: OpsEnvironment, module: SearchModule) throws(OperationsError) {
        guard var walk = ledger.walk else { return }
        // A page that came back empty is asked again later, not every poll (`walkRetryBase`).
        if let retryAt = walk.retryAt, env.now() < retryAt { return }
        var pages = 0
        var done = false
        let started = Date()
        func sliceOver() -> Bool {
            if pages >= walkPagesPerPass ?? Int.max { return true }
            guard let seconds = walkSliceSeconds, pages > 0 else { return false }
            return Date().timeIntervalSince(started) >= seconds
        }
        while !done && !sliceOver() {
            var stubs: [ErrorRecord]
            let count: Int
            if module.generation == .v2 {
                let remaining = walk.expected - walk.read
                count = min(walkPageSize, max(remaining, 0))
                stubs = count > 0 ? try aggregatePage(env, offset: remaining - count, count: count) : []
                // Newest first, as on 1.x: the end of the index is its newest.
                stubs.reverse()
                done = remaining - count <= 0
            } else {
                let extra: [any RedisArgument] = [
                    "RETURN", 1, ErrorField.toggleName.rawValue, "SCORER", "DOCSCORE", "LIMIT", walk.read, walkPageSize,
                ]
                let reply = try ftSearch(env, "*", extra)
                stubs = reply.records(prefix: nil)
                if walk.read == 0 { walk.expected = max(reply.total, walk.figures?.documents ?? 0) }
                // 1.x answers a query past its timeout (500 ms by default) with a short page, or
                // none, and no sign of it: only the index's size tells. The rest is read from
                // where the page ended, at the next poll; meanwhile the figures say `counting…`.
                let end = max(walk.expected, reply.total)
                count = stubs.count
                if walk.read + count < end && count < walkPageSize {
                    for stub in stubs where walk.seen.insert(stub.id).inserted { ledger.add(stub) }
                    if walk.edge == nil { walk.edge = stubs.first?.key }
                    ledger.idsRead += count
                    walk.read += count
                    walk.stalls = count == 0 ? walk.stalls + 1 : 0
                    walk.retryAt =
                        walk.stalls == 0
                        ? nil : env.now().addingTimeInterval(min(walkRetryLimit, walkRetryBase * pow(2, Double(walk.stalls - 1))))
                    break
                }
                walk.stalls = 0
                walk.retryAt = nil
                done = walk.read + count >= end
            }
            if walk.edge == nil { walk.edge = stubs.first?.key }
            for stub in stubs where walk.seen.insert(stub.id).inserted { ledger.add(stub) }
            ledger.idsRead += stubs.count
            walk.read += count
            pages += 1
        }
        ledger.trimNewest()
        guard done else {
            ledger.walk = walk
            ledger.lastPass = .counting(read: ledger.total, of: max(walk.expected, ledger.total))
            return
        }
        if let figures = walk.figures, ledger.total < figures.documents {
            // Fewer ids than the index held when the walk began: a page came back short and
            // the offsets after it were off. Never called exact: the walk begins again.
            let idsRead = ledger.idsRead
            ledger.reset(horizon: ledger.horizon, newestLimit: ledger.newestLimit)
            ledger.idsRead = idsRead
            let now = try indexFigures(env)
            ledger.walk = .init(expected: now?.documents ?? 0, figures: now, reason: "a page came back short")
            ledger.lastPass = .counting(read: 0, of: now?.documents ?? 0)
            return
        }
        ledger.walk = nil
        ledger.edgeKey = walk.edge
        // Documents added while the pages were read are counted in; the figures follow them.
        ledger.figures = walk.figures.map {
            .init(documents: ledger.total, maxDocID: $0.maxDocID + ledger.total - $0.documents)
        }
        ledger.lastPass = .full(reason: walk.reason)
    }
}
