import Foundation

/// A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise
/// (so CI logs stay readable).
final class ProgressBar {
    private let label: String
    private let interactive = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    private var lastDecile = -1
    private let start = Date()

    init(label: String) {
        self.label = label
    }

    func update(fraction: Double, detail: String) {
        let clamped = min(max(fraction, 0), 1)
        if interactive {
            guard Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
            lastDraw = Date()
            let width = 30
            let filled = Int(clamped * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            write("\r\(label) [\(bar)] \(Int(clamped * 100))% \(detail) \(elapsed)")
        } else {
            let decile = Int(clamped * 10)
            guard decile > lastDecile else { return }
            lastDecile = decile
            write("\(label): \(decile * 10)% \(detail) \(elapsed)\n")
        }
    }

    func finish() {
        if interactive { write("\n") }
    }

    private var elapsed: String {
        String(format: "%.1fs", Date().timeIntervalSince(start))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
