/// Something that draws itself into a rectangle of a `ScreenBuffer`. Widgets are small values
/// built fresh for every frame on the main thread; they keep no state between frames (state
/// such as a table's scroll offset lives in the caller's model, e.g. `TableState`).
public protocol Widget {
    func render(area: Rect, buffer: inout ScreenBuffer)
}
