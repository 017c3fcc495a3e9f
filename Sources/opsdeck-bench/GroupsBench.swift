import Foundation
import Operations

/// Figure 8: grouping 10,000 error records (`ErrorGroups.build`: one `ErrorSignature` per record,
/// 40 signatures, Java bodies with boilerplate and runtime frames) — the work the Errors feed
/// adds to each overview. Baseline, in the same run: the count per toggle the overview already
/// made over the same records. No server: the records are in memory, so this is the client cost.
struct GroupsBench {
    let options: BenchOptions
    let report: Report

    static let count = 10_000

    static func records(now: Date) -> [ErrorRecord] {
        (0..<count).map { i in
            let kind = i % 40
            let body =
                "Exception in thread \"main\" java.lang.IllegalStateException\(kind): basket \(i) for user\(i % 977) "
                + "is locked (0x\(String(i, radix: 16)))\n\tat java.util.HashMap.get(HashMap.java:1)\n"
                + "\tat jdk.internal.Foo.bar(Foo.java:2)\n\tat com.shop.Basket.lock\(kind)(Basket.java:\(kind))\n"
                + "\tat com.shop.Main.main(Main.java:12)"
            let time = now.addingTimeInterval(-Double(i % 900))
            return ErrorRecord(
                id: ErrorID.make(toggle: "toggle\(i % 25)", date: time), key: "error:\(i)",
                toggleName: "toggle\(i % 25)", toggleValue: "True", fingerPrint: "Nina Q",
                exceptionBody: body, time: time)
        }
    }

    func run() throws {
        let now = Date()
        let records = Self.records(now: now)
        let since = now.addingTimeInterval(-900)
        var grouped: [Double] = []
        var counted: [Double] = []
        var groups = 0
        // Alternate the two, so both see the same background load.
        for _ in 0..<max(5, options.repeats * 3) {
            grouped.append(Stopwatch.time { groups = ErrorGroups.build(records, since: since, now: now).count })
            counted.append(
                Stopwatch.time {
                    var perToggle: [String: Int] = [:]
                    for record in records { perToggle[record.toggleName, default: 0] += 1 }
                    precondition(perToggle.count == 25)
                })
        }
        let value = Sample(grouped)
        let base = Sample(counted)
        report.add(
            Figure(
                id: "groups.build", title: "8. \(Self.count) errors grouped", unit: "s",
                value: value.median, min: value.min, baseline: base.median, baselineMin: base.min,
                baselineLabel: "count per toggle over the same records", ratio: value.median / base.median,
                goal: "< 50 ms", verdict: value.median < 0.05 ? .pass : .miss,
                note: "ErrorGroups.build: signature per record (class, normalised message, first application frame), "
                    + "\(groups) groups, 12-bucket series, 200 members kept per group",
                runs: value.runs.count))
    }
}
