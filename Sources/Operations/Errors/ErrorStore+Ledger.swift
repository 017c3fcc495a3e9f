import Foundation
import RedisClient

extension ErrorStore {
    /// Brings `ledger` up to date with the index: one `FT.INFO`, then nothing (figures unchanged),
    /// the ids added since the last pass (the index only grew), or every id (first pass, the
    /// index changed shape, or a window wider than the stamps kept). RediSearch only; `since`
    /// starts the window whose stamps are kept.
    ///
    /// Document order: with `SCORER DOCSCORE` every document scores alike and ties go by
    /// internal document id, newest first on 1.x and oldest first on 2.x (seen on 1.2 and 2.10;
    /// `ErrorLedgerTests` checks both). New documents are therefore at the front (1.x) or the
    /// end (2.x), next to the edge document the last read ended at; the read checks it meets
    /// the edge exactly there and that no id it calls new was known, else it reads everything.
    func update(
        _ ledger: inout ErrorIdLedger, _ env: OpsEnvironment, module: SearchModule, since: Date?, newest: Int
    ) throws(OperationsError) {
        let env = env.on(.errors)
        let horizon = since ?? .distantFuture
        if ledger.walk != nil {
            // A first walk under way goes on where it stopped (its figures are from its start).
            try continueWalk(&ledger, env, module: module)
            return
        }
        let figures = try indexFigures(env)
        guard let figures else {
            // FT.INFO refused (an ACL): nothing says whether the index only grew.
            try readAll(&ledger, env, module: module, horizon: horizon, newest: newest, figures: nil, reason: "FT.INFO refused")
            return
        }
        var (added, reason) = ledger.added(now: figures)
        if added != nil, horizon < ledger.horizon {
            (added, reason) = (nil, "window wider than the ids kept")
        } else if added != nil, ledger.newestLimit < newest {
            (added, reason) = (nil, "more newest records asked for")
        }
        guard let added else {
            try readAll(&ledger, env, module: module, horizon: horizon, newest: newest, figures: figures, reason: reason)
            return
        }
        ledger.prune(before: horizon)
        if added == 0 {
            ledger.lastPass = .unchanged
            return
        }
        if try !readAdded(&ledger, env, module: module, expected: added) {
            try readAll(
                &ledger, env, module: module, horizon: horizon, newest: newest, figures: figures,
                reason: "the new documents were not where the index's figures said")
        }
    }

    /// `num_docs` and `max_doc_id` from `FT.INFO`, or nil when the server refuses it (an error
    /// reply other than a missing index, which `ftSearch` reports).
    func indexFigures(_ env: OpsEnvironment) throws(OperationsError) -> ErrorIdLedger.Figures? {
        let command = RedisCommand("FT.INFO", env.patterns.errorIndex)
        let reply = try env.run { redis throws(RedisError) in try redis.send([command]) }
        guard let first = reply.first, first.errorMessage == nil, let elements = first.array else { return nil }
        var documents: Int?
        var maxID: Int?
        var index = 0
        while index + 1 < elements.count {
            // 1.2 answers numbers as strings, 2.x as integers.
            let value = elements[index + 1].int.map(Int.init) ?? elements[index + 1].string.flatMap { Int($0) }
            switch elements[index].string {
            case "num_docs": documents = value
            case "max_doc_id": maxID = value
            default: break
            }
            index += 2
        }
        guard let documents, let maxID else { return nil }
        return .init(documents: documents, maxDocID: maxID)
    }

    /// Every id, page by page, into a fresh ledger.
    private func readAll(
        _ ledger: inout ErrorIdLedger, _ env: OpsEnvironment, module: SearchModule, horizon: Date, newest: Int,
        figures: ErrorIdLedger.Figures?, reason: String
    ) throws(OperationsError) {
        if try startWalk(&ledger, env, module: module, horizon: horizon, newest: newest, figures: figures, reason: reason) {
            return
        }
        let idsBefore = ledger.idsRead
        ledger.reset(horizon: horizon, newestLimit: newest)
        var seen = Set<String>()
        var edge: String?
        try forEachDocument(env, module: module, from: 0) { stubs in
            for stub in stubs where seen.insert(stub.id).inserted {
                // 1.x: the first document is the newest; 2.x: the last one read.
                if module.generation == .v2 || edge == nil { edge = stub.key }
                ledger.add(stub)
            }
            ledger.idsRead += stubs.count
            return true
        }
        ledger.trimNewest()
        ledger.edgeKey = edge
        // Documents added while the pages were read are counted in; the figures follow them.
        ledger.figures = figures.map { .init(documents: ledger.total, maxDocID: $0.maxDocID + ledger.total - $0.documents) }
        ledger.idsRead += idsBefore
        ledger.lastPass = .full(reason: reason)
    }

    /// The documents added since the last read: from the front until the edge (1.x), or from
    /// the edge to the end (2.x). False when the edge was not where the figures put it.
    private func readAdded(_ ledger: inout ErrorIdLedger, _ env: OpsEnvironment, module: SearchModule, expected: Int)
        throws(OperationsError) -> Bool
    {
        guard let figures = ledger.figures, let edge = ledger.edgeKey else { return false }
        var fresh: [ErrorRecord] = []
        var seen = Set<String>()
        var metEdge = false
        var read = 0
        switch module.generation {
        case .v1:
            // Newest first: pages from the front until the edge. Documents added between pages
            // push the rest back (seen twice, never skipped); those added after the first page
            // are newer than the new edge and come next pass.
            try forEachDocument(env, module: module, from: 0, first: expected + 1) { stubs in
                read += stubs.count
                for stub in stubs {
                    if stub.key == edge {
                        metEdge = true
                        return false
                    }
                    if seen.insert(stub.id).inserted { fresh.append(stub) }
                }
                return true
            }
        default:
            // Oldest first: from the edge to the end.
            var first = true
            // A whole page: a short one says the end was reached, in one command.
            try forEachDocument(env, module: module, from: max(0, figures.documents - 1)) { stubs in
                read += stubs.count
                for stub in stubs {
                    if first {
                        first = false
                        metEdge = stub.key == edge
                        if !metEdge { return false }
                        continue
                    }
                    if seen.insert(stub.id).inserted { fresh.append(stub) }
                }
                return true
            }
        }
        ledger.idsRead += read
        guard metEdge, !fresh.isEmpty, !fresh.contains(where: { ledger.knows($0.id) }) else { return false }
        for stub in fresh { ledger.add(stub) }
        ledger.trimNewest()
        ledger.edgeKey = module.generation == .v1 ? fresh[0].key : fresh[fresh.count - 1].key
        ledger.figures = .init(documents: figures.documents + fresh.count, maxDocID: figures.maxDocID + fresh.count)
        ledger.lastPass = .incremental(added: fresh.count)
        return true
    }

    /// Pages of document stubs (id, key, toggle name) in the module's document order from
    /// `offset`, `first` documents (at most `walkPageSize`) then `walkPageSize` at a time, until the
    /// index ends or `body` says stop. 1.x: `FT.SEARCH … SCORER DOCSCORE` (newest first). 2.x:
    /// `FT.AGGREGATE … LIMIT … LOAD` (oldest first): it skips to the offset without ranking
    /// what it skips, and has no `MAXSEARCHRESULTS` cap (1,000,000 by default, which `FT.SEARCH`
    /// paging cannot pass).
    private func forEachDocument(
        _ env: OpsEnvironment, module: SearchModule, from offset: Int, first: Int? = nil,
        _ body: ([ErrorRecord]) -> Bool
    ) throws(OperationsError) {
        var offset = offset
        var count = min(first ?? walkPageSize, walkPageSize)
        while true {
            let stubs: [ErrorRecord]
            var more: Bool
            if module.generation == .v2 {
                stubs = try aggregatePage(env, offset: offset, count: count)
                more = stubs.count == count
            } else {
                let extra: [any RedisArgument] = [
                    "RETURN", 1, ErrorField.toggleName.rawValue, "SCORER", "DOCSCORE", "LIMIT", offset, count,
                ]
                let reply = try ftSearch(env, "*", extra)
                stubs = reply.records(prefix: nil)
                more = !stubs.isEmpty && offset + count < reply.total
            }
            if !body(stubs) { return }
            offset += count
            count = walkPageSize
            if !more { return }
        }
    }

    /// One page of 2.x documents in document order: `[n, [__key, K, toggleName, T], …]`.
    func aggregatePage(_ env: OpsEnvironment, offset: Int, count: Int) throws(OperationsError) -> [ErrorRecord] {
        let command = RedisCommand(
            "FT.AGGREGATE",
            [
                // No time limit: on a timeout 2.x answers a short page as if it were whole
                // (`ON_TIMEOUT return`, 500 ms by default), and the ids it left out went
                // uncounted (seen at 1,000,000 records on a loaded machine: 946,897 counted).
                env.patterns.errorIndex, "*", "TIMEOUT", 0, "LIMIT", offset, count, "LOAD", 2, "@__key",
                "@" + ErrorField.toggleName.rawValue,
            ])
        let reply = try env.run { redis throws(RedisError) in try redis.send([command]) }
        guard let first = reply.first else { throw .redis(.unexpectedReply(command: "FT.AGGREGATE", detail: "no reply")) }
        if let message = first.errorMessage { throw Self.failure(message, env: env) }
        guard let elements = first.array else {
            throw .redis(.unexpectedReply(command: "FT.AGGREGATE", detail: "expected [n, row, ...]"))
        }
        let prefix = env.patterns.errorPrefix
        var stubs: [ErrorRecord] = []
        for row in elements.dropFirst() {
            var fields: [String: String] = [:]
            for (name, value) in row.pairs ?? [] where fields[name] == nil { fields[name] = value }
            guard let key = fields.removeValue(forKey: "__key") else {
                throw .redis(.unexpectedReply(command: "FT.AGGREGATE", detail: "a row without its key"))
            }
            let id = key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
            stubs.append(ErrorRecord(id: id, key: key, fields: fields))
        }
        return stubs
    }
}
