/// One reply tree stored flat, as hiredis' reader parses it: nodes in parse (pre-)order, the
/// bytes of every string in one buffer, and for each array the node indices of its elements.
/// Nothing is allocated per element; the storage is reused for every reply of a connection.
///
/// Ownership and threading: owned by one `ReplyReader`, on the connection owner's thread. The
/// memory is manual (not Swift arrays) so that `ReplyView`s can point into it without
/// reference counting; it is valid until `clear()`, i.e. while one reply is handed out.
final class ReplyArena {
    enum Kind: UInt8 { case bulk, status, error, integer, null, array }

    /// A string's bytes (`offset`, `length`), an integer (`offset` holds it), or an array's
    /// element slots (`offset` into `slots`, `length` elements).
    struct Node {
        var kind: Kind
        var offset: Int
        var length: Int
    }

    /// The arena's fields live behind a pointer: hiredis' callbacks touch them for every
    /// element, and class stored properties would pay Swift's dynamic exclusivity checks there.
    let storage: UnsafeMutablePointer<Storage>

    struct Storage {
        var nodes: UnsafeMutablePointer<Node>
        var bytes: UnsafeMutablePointer<UInt8>
        var slots: UnsafeMutablePointer<Int>
        var nodeCount = 0, nodeCapacity = 64
        var byteCount = 0, byteCapacity = 4096
        var slotCount = 0, slotCapacity = 64
    }

    var nodes: UnsafeMutablePointer<Node> { storage.pointee.nodes }
    var bytes: UnsafeMutablePointer<UInt8> { storage.pointee.bytes }
    var slots: UnsafeMutablePointer<Int> { storage.pointee.slots }

    init() {
        storage = .allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                nodes: .allocate(capacity: 64), bytes: .allocate(capacity: 4096),
                slots: .allocate(capacity: 64)))
    }

    deinit {
        storage.pointee.nodes.deallocate()
        storage.pointee.bytes.deallocate()
        storage.pointee.slots.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// Forgets the current reply; its views must no longer be used.
    func clear() { storage.pointee.clear() }
}

extension ReplyArena.Storage {
    func link(_ child: Int, to parent: Int, at position: Int) {
        let node = nodes[parent]
        guard node.kind == .array, position >= 0, position < node.length else { return }
        slots[node.offset + position] = child
    }

    mutating func addInteger(_ value: Int64) -> Int { addNode(ReplyArena.Node(kind: .integer, offset: Int(value), length: 0)) }

    mutating func addNull() -> Int { addNode(ReplyArena.Node(kind: .null, offset: 0, length: 0)) }

    mutating func clear() {
        nodeCount = 0
        byteCount = 0
        slotCount = 0
        // A huge reply (a 50 MB value) must not pin its memory for the connection's life.
        if byteCapacity > 1 << 22 { Self.shrink(&bytes, &byteCapacity, to: 4096) }
        if nodeCapacity > 1 << 16 { Self.shrink(&nodes, &nodeCapacity, to: 64) }
        if slotCapacity > 1 << 16 { Self.shrink(&slots, &slotCapacity, to: 64) }
    }

    mutating func addString(_ kind: ReplyArena.Kind, _ source: UnsafeRawPointer?, _ count: Int) -> Int {
        if byteCount + count > byteCapacity { Self.grow(&bytes, &byteCapacity, count: byteCount, toHold: byteCount + count) }
        if let source, count > 0 { (bytes + byteCount).update(from: source.assumingMemoryBound(to: UInt8.self), count: count) }
        let index = addNode(ReplyArena.Node(kind: kind, offset: byteCount, length: count))
        byteCount += count
        return index
    }

    mutating func addArray(count: Int) -> Int {
        if slotCount + count > slotCapacity { Self.grow(&slots, &slotCapacity, count: slotCount, toHold: slotCount + count) }
        (slots + slotCount).initialize(repeating: -1, count: count)
        let index = addNode(ReplyArena.Node(kind: .array, offset: slotCount, length: count))
        slotCount += count
        return index
    }

    mutating func addNode(_ node: ReplyArena.Node) -> Int {
        if nodeCount == nodeCapacity { Self.grow(&nodes, &nodeCapacity, count: nodeCount, toHold: nodeCount + 1) }
        (nodes + nodeCount).initialize(to: node)
        nodeCount += 1
        return nodeCount - 1
    }

    private static func grow<T>(_ pointer: inout UnsafeMutablePointer<T>, _ capacity: inout Int, count: Int, toHold needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = bigger
        capacity = newCapacity
    }

    private static func shrink<T>(_ pointer: inout UnsafeMutablePointer<T>, _ capacity: inout Int, to small: Int) {
        pointer.deallocate()
        pointer = .allocate(capacity: small)
        capacity = small
    }
}
