import Foundation

/// What the overview has read of the error index's ids, kept between passes so a pass reads only
/// the ids added since (issue 23: with 1,000,000 records, re-reading every id each pass was the
/// whole cost). Holds the stamps (id, toggle, time) inside the window, every toggle's all-time
/// count, the newest stamps overall, and the index's own figures (`FT.INFO` `num_docs` and
/// `max_doc_id`) as of the last read, which say whether the index only grew since.
///
/// Decisions (docs/DECISIONS.md, "Incremental error-id walk"): the index only grew when both
/// figures moved by the same amount (every new document id is a live document: nothing was
/// deleted, replaced or re-indexed); anything else (a figure going down, a delete, the index
/// dropped and recreated, a wider window than the stamps cover) is a full re-read. Records that
/// age out of the window leave it by their time, with no read. A plain value owned by one feed,
/// used on its poller's queue.
public struct ErrorIdLedger: Sendable {
    /// The index's `num_docs` and `max_doc_id` as accounted for by what was read.
    struct Figures: Sendable, Hashable {
        var documents: Int
        var maxDocID: Int
    }

    /// How the last pass read the index: what a test counts, and what a bench reports.
    public enum Pass: Sendable, Hashable {
        /// Nothing read yet.
        case none
        /// Every id read: the first pass, or the index changed shape (`reason`).
        case full(reason: String)
        /// Only the ids added since the last pass.
        case incremental(added: Int)
        /// The index's figures did not move: no id read.
        case unchanged
        /// Part of a first walk: `read` of `of` ids so far, newest first.
        case counting(read: Int, of: Int)
    }

    /// A first walk over every id, under way across passes (`ErrorStore+Walk.swift`).
    struct Walk: Sendable {
        /// Documents read so far, counted from the newest end.
        var read = 0
        /// Documents in the index when the walk began.
        var expected: Int
        /// The index's figures when the walk began (nil: `FT.INFO` refused).
        var figures: Figures?
        var seen = Set<String>()
        /// The newest document's key, the edge the next incremental pass starts from.
        var edge: String?
        var reason: String
        /// Empty answers in a row at the walk's depth, and when the page is asked again
        /// (`ErrorStore.walkRetryBase`).
        var stalls = 0
        var retryAt: Date?
    }

    /// How far a first walk has come: what the figures are partial of.
    public struct Counting: Sendable, Hashable {
        public var read: Int
        public var of: Int
        public init(read: Int, of: Int) {
            self.read = read
            self.of = of
        }
    }

    var walk: Walk?
    /// Non-nil while the first walk is under way: the figures cover the newest `read` ids.
    public var counting: Counting? { walk.map { Counting(read: total, of: max($0.expected, total)) } }

    var figures: Figures?
    /// The key of the document the last read ended at, in the module's document order (1.x
    /// answers newest first, 2.x oldest first): the next incremental read must meet it exactly
    /// where the figures say, or the pass becomes a full re-read.
    var edgeKey: String?
    /// Stamps kept from here on; a wider window needs a full re-read.
    var horizon: Date = .distantFuture
    /// Every stamp at or after `horizon`, by id.
    var stamps: [String: ErrorStamp] = [:]
    /// The newest stamps overall (by time), at most `newestLimit`, with their keys.
    var newest: [(stamp: ErrorStamp, key: String)] = []
    var newestLimit = 100
    /// Every toggle's records in the index, all time.
    public private(set) var counts: [String: Int] = [:]
    /// Records in the index, as read.
    public private(set) var total = 0
    /// How the last pass read the index.
    public internal(set) var lastPass: Pass = .none
    /// Ids read over this ledger's life (by every pass): a steady index adds nothing.
    public internal(set) var idsRead = 0

    /// Without a search module: the hashes read before (`ErrorClientSearch.Memory`).
    var clientSide = ErrorClientSearch.Memory()
    /// Without a search module: hashes the last pass read or checked (0 on a steady keyspace).
    public var clientSideReads: Int { clientSide.lastReads }

    public init() {}

    /// Forgets everything read: the next pass is a full read.
    mutating func reset(horizon: Date, newestLimit: Int) {
        self = ErrorIdLedger()
        self.horizon = horizon
        self.newestLimit = newestLimit
        idsRead = 0
    }

    /// Takes one record's stub (id, key, toggle name) into the counts, the window and the newest.
    mutating func add(_ stub: ErrorRecord) {
        total += 1
        counts[stub.toggleName, default: 0] += 1
        let stamp = ErrorStamp(stub)
        if let time = stamp.time, time >= horizon { stamps[stub.id] = stamp }
        newest.append((stamp, stub.key))
        if newest.count > newestLimit * 4 { trimNewest() }
    }

    /// Keeps the newest `newestLimit` stamps, newest first.
    mutating func trimNewest() {
        newest.sort { ($0.stamp.time ?? .distantPast, $0.stamp.id) > ($1.stamp.time ?? .distantPast, $1.stamp.id) }
        if newest.count > newestLimit { newest.removeLast(newest.count - newestLimit) }
    }

    /// Drops stamps that fell out of a window starting at `since` (time passing needs no read).
    mutating func prune(before since: Date) {
        guard since > horizon else { return }
        horizon = since
        stamps = stamps.filter { ($0.value.time ?? .distantPast) >= since }
    }

    /// Whether `id` was read before (inside the window kept): an incremental read that meets one
    /// again did not read what it thought, and becomes a full re-read.
    func knows(_ id: String) -> Bool { stamps[id] != nil || newest.contains { $0.stamp.id == id } }

    /// The stamps in the window starting at `since`, newest first.
    func window(since: Date) -> [ErrorStamp] {
        stamps.values.filter { ($0.time ?? .distantPast) >= since }
            .sorted { ($0.time ?? .distantPast, $0.id) > ($1.time ?? .distantPast, $1.id) }
    }

    /// What to do with the index's figures now: nil when a full read is needed (and why), else
    /// how many documents were added since (0: nothing to read).
    func added(now current: Figures) -> (added: Int?, reason: String) {
        guard let figures else { return (nil, "first read") }
        if current == figures { return (0, "") }
        let documents = current.documents - figures.documents
        let ids = current.maxDocID - figures.maxDocID
        if current.maxDocID < figures.maxDocID { return (nil, "max_doc_id went down (index recreated)") }
        if documents < 0 { return (nil, "num_docs went down (records deleted)") }
        if documents != ids { return (nil, "documents deleted or replaced (num_docs +\(documents), max_doc_id +\(ids))") }
        return (documents, "")
    }
}
