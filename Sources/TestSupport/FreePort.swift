import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback TCP port the OS just chose (bound to port 0, read back, closed) for a test
/// server's listener. The usual small race applies: another socket may take it first. The
/// server then fails to start, never connects to a stranger, and the harnesses choose again
/// (`retryingTakenPorts`, `withServer(choosingPorts:)`).
public func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw OpsdeckRun.Failure(description: "socket() failed") }
    defer { close(fd) }
    guard let port = bindLoopback(fd) else { throw OpsdeckRun.Failure(description: "could not bind a loopback port") }
    return port
}

/// Binds `fd` to 127.0.0.1 on a port the OS chooses; that port, or nil when binding failed.
func bindLoopback(_ fd: Int32) -> Int? {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
}
