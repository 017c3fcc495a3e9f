/// Runs `start` again, up to `attempts` times in all, while it fails because a TCP port chosen
/// for the server was taken before the server bound it.
///
/// A port the OS reports free (bound to port 0, then closed) can be handed to another socket —
/// often an outgoing connection's ephemeral port — in the moment before `redis-server` binds
/// it; the server then exits with "Address already in use". `start` must choose its ports
/// itself, so each attempt asks for fresh ones. Any other failure is thrown at once.
public func retryingTakenPorts<T>(attempts: Int = 5, _ start: () throws -> T) throws -> T {
    var attempt = 1
    while true {
        do {
            return try start()
        } catch let error as LocalRedisError where error.portWasTaken && attempt < attempts {
            attempt += 1
        }
    }
}

extension LocalRedisError {
    /// Whether the server did not start because one of its ports was in use: the one failure
    /// that choosing other ports cures.
    public var portWasTaken: Bool {
        guard case .startFailed(_, let log) = self else { return false }
        return log.contains("Address already in use")
    }
}
