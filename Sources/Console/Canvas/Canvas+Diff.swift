/// A run of changed cells on one row, to be written from column `x`.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

extension Canvas {
    /// The runs of cells that differ from `previous` (everything when there is no
    /// previous frame or its size differs). A run never starts on the right half of a
    /// wide character: the whole character is rewritten.
    public func changes(from previous: Canvas?) -> [CellRun] {
        let sameSize = previous.map { $0.width == width && $0.height == height } ?? false
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                if sameSize, let previous, previous[x, y] == self[x, y] {
                    x += 1
                    continue
                }
                var start = x
                if self[start, y].isContinuation, start > 0 { start -= 1 }
                var end = x
                while end < width, !(sameSize && previous![end, y] == self[end, y]) { end += 1 }
                if end < width, self[end, y].isContinuation { end += 1 }
                if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                    let from = last.x + last.cells.count
                    runs[runs.count - 1].cells += (from..<end).map { self[$0, y] }
                } else {
                    runs.append(CellRun(x: start, y: y, cells: (start..<end).map { self[$0, y] }))
                }
                x = end
            }
        }
        return runs
    }
}
