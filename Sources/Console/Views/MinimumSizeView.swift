/// What a window below the minimum size shows: the size needed, and how to quit.
enum MinimumSizeView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let lines = [
            "Switchboard needs at least \(Layout.minimumWidth)×\(Layout.minimumHeight).",
            "This window is \(state.width)×\(state.height).",
            "Enlarge it, or press q to quit.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayText.width(of: line)) / 2)
            canvas.put(line, x: x, y: top + index, style: index == 0 ? .title : .plain)
        }
    }
}
