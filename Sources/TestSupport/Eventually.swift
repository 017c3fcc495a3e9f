import Foundation

/// Polls `condition` until it holds or `timeout` seconds pass: tests wait on effects with a
/// deadline instead of sleeping a fixed time. Returns whether the condition came true.
@discardableResult
public func eventually(timeout: Double = 5, every interval: Double = 0.02, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)
    }
}
