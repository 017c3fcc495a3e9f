/// Splits a rectangle into parts along one axis. Stateless.
public enum Layout {
    public enum Direction: Sendable { case horizontal, vertical }

    /// How much of the axis a part takes.
    public enum Constraint: Hashable, Sendable {
        /// Exactly n cells (less only when space runs out).
        case length(Int)
        /// A percentage of the whole axis.
        case percentage(Int)
        /// At least n cells; shares what is left with other `min`/`fill` parts.
        case min(Int)
        /// A weighted share of what is left after lengths, percentages and minimums.
        case fill(Int)
    }

    /// The parts, in order. Leftover space goes to `min`/`fill` parts (by weight; `min` counts
    /// as weight 1); when space is short, later parts shrink first. `spacing` cells separate
    /// neighbouring parts.
    public static func split(
        _ area: Rect, _ direction: Direction, _ constraints: [Constraint],
        spacing: Int = 0
    ) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .horizontal ? area.width : area.height
        let available = max(0, total - spacing * (constraints.count - 1))
        var sizes = constraints.map { c -> Int in
            switch c {
            case .length(let n): return max(0, n)
            case .percentage(let p): return max(0, total * p / 100)
            case .min(let n): return max(0, n)
            case .fill: return 0
            }
        }
        // Shrink from the end when the fixed demands exceed the space.
        var excess = sizes.reduce(0, +) - available
        var i = sizes.count - 1
        while excess > 0 && i >= 0 {
            let cut = Swift.min(excess, sizes[i])
            sizes[i] -= cut
            excess -= cut
            i -= 1
        }
        let leftover = available - sizes.reduce(0, +)
        let weights = constraints.map { c -> Int in
            switch c {
            case .min: return 1
            case .fill(let w): return Swift.max(0, w)
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if leftover > 0 && weightSum > 0 {
            var given = 0
            var lastWeighted = 0
            for (k, w) in weights.enumerated() where w > 0 {
                let share = leftover * w / weightSum
                sizes[k] += share
                given += share
                lastWeighted = k
            }
            sizes[lastWeighted] += leftover - given
        }
        var rects: [Rect] = []
        var offset = 0
        for size in sizes {
            switch direction {
            case .horizontal:
                rects.append(Rect(x: area.x + offset, y: area.y, width: size, height: area.height))
            case .vertical:
                rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: size))
            }
            offset += size + spacing
        }
        return rects
    }
}
