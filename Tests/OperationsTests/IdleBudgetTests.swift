import Foundation
import Operations
import Testing

@Suite struct IdleBudgetTests {
    @Test func periodGrowsWithTheCostOfTheStep() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        var budget = IdleBudget(share: 0.001, minimumPeriod: 10)
        #expect(budget.isFirst && budget.isDue(now: t0), "due before the first run")
        budget.record(at: t0, took: 0.002) // cheap: the minimum period rules
        #expect(!budget.isDue(now: t0.addingTimeInterval(9.9)))
        #expect(budget.isDue(now: t0.addingTimeInterval(10)))
        budget.record(at: t0, took: 0.2) // 200 ms at 0.1% of a core: every 200 s
        #expect(!budget.isDue(now: t0.addingTimeInterval(199)))
        #expect(budget.isDue(now: t0.addingTimeInterval(200)))
        #expect(!budget.isFirst)
    }
}
