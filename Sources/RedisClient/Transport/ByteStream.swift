/// A connected, blocking byte stream to one server: a TCP or Unix socket, or TLS over one.
///
/// Ownership and threading: owned by one `RedisConnection`, used from its owner's thread only.
/// Every call is bounded by the timeouts the stream was opened with; a failure means the
/// stream is unusable and the owner closes it.
protocol ByteStream: AnyObject {
    /// Writes every byte, or throws.
    func write(_ bytes: UnsafeRawBufferPointer) throws(RedisError)
    /// Reads what is available (at least one byte), or throws: `.connectionLost` when the peer
    /// closed, `.timeout` when nothing came within the read timeout.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int
    /// Reads what has already arrived without waiting: 0 when nothing has. Lets a long
    /// pipeline parse replies while its commands are still being written.
    func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int
    /// Bounds each later read and write by `seconds` (a command's deadline shortens it).
    func setTimeouts(_ seconds: Double)
    /// Closes the stream; idempotent.
    func close()
    /// The protocol in use, for `opsdeck --version`-like diagnostics ("TLSv1.3 TLS_AES_…"), or nil.
    var security: String? { get }
}
