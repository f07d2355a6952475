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
        let old = sameSize ? previous!.cells : []
        let columns = width
        var runs: [CellRun] = []
        cells.withUnsafeBufferPointer { new in
            old.withUnsafeBufferPointer { old in
                func same(_ x: Int, _ row: Int) -> Bool { sameSize && old[row + x] == new[row + x] }
                for y in 0..<height {
                    let row = y * columns
                    var x = 0
                    while x < columns {
                        if same(x, row) {
                            x += 1
                            continue
                        }
                        var start = x
                        if new[row + start].isContinuation, start > 0 { start -= 1 }
                        var end = x
                        while end < columns, !same(end, row) { end += 1 }
                        if end < columns, new[row + end].isContinuation { end += 1 }
                        if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                            let from = last.x + last.cells.count
                            runs[runs.count - 1].cells += new[(row + from)..<(row + end)]
                        } else {
                            runs.append(CellRun(x: start, y: y, cells: Array(new[(row + start)..<(row + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return runs
    }
}
