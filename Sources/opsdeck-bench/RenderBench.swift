/// Figure 5: rendering the four-pane screen at 240x70 into the cell buffer plus the diff,
/// from a state with 10,000 toggles, against the same with 100 toggles (ratio ~1 means only
/// the visible rows cost anything).
struct RenderBench {
    let options: BenchOptions
    let report: Report

    func run() throws {
        report.add(Figure(
            id: "render.full", title: "5. render 240x70 + diff (10,000 vs 100 toggles)", unit: "s",
            goal: "ratio ~1", verdict: .todo, note: "needs the Dashboard app core (AppState, render); not merged yet"))
    }
}
