/// The replies of one pipeline that arrive out of order (a part per node, redirections later),
/// each put in its place, then moved into an array without a copy per element: a cluster
/// snapshot's ten thousand decoded toggles are not copied twice.
///
/// Owned by the one call that fills it; not thread-safe.
final class ReplySlots<T> {
    private let base: UnsafeMutablePointer<T>
    private var filled: [Bool]
    private var moved = false
    let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
        filled = [Bool](repeating: false, count: count)
    }

    /// Puts the reply for `index` in its place (replacing one already there).
    func put(_ value: T, at index: Int) {
        if filled[index] {
            (base + index).pointee = value
        } else {
            (base + index).initialize(to: value)
            filled[index] = true
        }
    }

    /// Every reply in order; the slots are empty afterwards. Every place must have been filled.
    func array() -> [T] {
        precondition(!moved && !filled.contains(false), "a pipeline reply was never delivered")
        moved = true
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.moveInitialize(from: base, count: count) }
            initialized = count
        }
    }

    deinit {
        if !moved {
            for index in 0..<count where filled[index] { (base + index).deinitialize(count: 1) }
        }
        base.deallocate()
    }
}
