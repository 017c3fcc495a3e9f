import Foundation

/// How long a test waits for an effect before it fails, unless it says otherwise. Roomy on
/// purpose: the tests run on busy CI machines, beside other builds, and only a failing test ever
/// waits this long. How fast things happen is `scripts/bench`'s job, never a test's.
public let roomyDeadline: Double = 60

/// Polls `condition` until it holds or `timeout` seconds pass: tests wait on effects with a
/// deadline instead of sleeping a fixed time. Returns whether the condition came true.
@discardableResult
public func eventually(timeout: Double = roomyDeadline, every interval: Double = 0.02, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)
    }
}
