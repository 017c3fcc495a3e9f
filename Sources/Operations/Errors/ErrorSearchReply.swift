import RedisClient

/// Reads an `FT.SEARCH` reply, which has the same shape on RediSearch 1.x and 2.x over RESP2:
/// `[total, id, [field, value, ...], id, [...]]`, or `[total, id, id, ...]` with NOCONTENT.
///
/// Fields are read as a map (their order differs between documents), and an id followed by an
/// empty or nil field list (1.2 returns those when the hash is gone) is kept. A pure value.
struct ErrorSearchReply {
    var total: Int
    /// Each document's key (as the server names it) and fields.
    var documents: [(key: String, fields: [String: String])]

    init(_ reply: RedisValue) throws(OperationsError) { try self.init(ReplyView(value: reply)) }

    /// Read in place from the connection's reply (valid only during the decoding closure).
    init(_ reply: ReplyView) throws(OperationsError) {
        guard reply.isArray, reply.count > 0, let total = reply[0].int else {
            throw .redis(.unexpectedReply(command: "FT.SEARCH", detail: "expected [total, id, fields, ...]"))
        }
        self.total = Int(total)
        documents = []
        documents.reserveCapacity(reply.count / 2)
        let count = reply.count
        var index = 1
        while index < count {
            guard let key = reply[index].string else {
                throw .redis(.unexpectedReply(command: "FT.SEARCH", detail: "document id is not a string"))
            }
            index += 1
            var fields: [String: String] = [:]
            if index < count {
                let element = reply[index]
                if element.isArray {
                    let pairs = element.count
                    fields.reserveCapacity(pairs / 2)
                    var at = 0
                    while at + 1 < pairs {
                        let name = element[at].string ?? ""
                        if fields[name] == nil { fields[name] = element[at + 1].string ?? "" }
                        at += 2
                    }
                    index += 1
                } else if element.isNull {
                    index += 1
                }
                // Otherwise NOCONTENT: the next element is the next id.
            }
            documents.append((key, fields))
        }
    }

    /// Records, with ids stripped of the key prefix 2.x documents carry.
    func records(prefix: String?) -> [ErrorRecord] {
        documents.map { document in
            var id = document.key
            if let prefix, !prefix.isEmpty, id.hasPrefix(prefix) { id = String(id.dropFirst(prefix.count)) }
            return ErrorRecord(id: id, key: document.key, fields: document.fields)
        }
    }
}
