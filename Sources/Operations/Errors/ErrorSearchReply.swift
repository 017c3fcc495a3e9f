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

    init(_ reply: RedisValue) throws(OperationsError) {
        guard let elements = reply.array, let total = elements.first?.int else {
            throw .redis(.unexpectedReply(command: "FT.SEARCH", detail: "expected [total, id, fields, ...]"))
        }
        self.total = Int(total)
        documents = []
        var index = 1
        while index < elements.count {
            guard let key = elements[index].string else {
                throw .redis(.unexpectedReply(command: "FT.SEARCH", detail: "document id is not a string"))
            }
            index += 1
            var fields: [String: String] = [:]
            if index < elements.count {
                switch elements[index] {
                case .array:
                    for (name, value) in elements[index].pairs ?? [] where fields[name] == nil { fields[name] = value }
                    index += 1
                case .null:
                    index += 1
                default:
                    break // NOCONTENT: the next element is the next id
                }
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
