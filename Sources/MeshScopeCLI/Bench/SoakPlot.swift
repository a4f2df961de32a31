import Foundation

/// A small hand-written SVG of the soak: two panels over elapsed minutes, memory (collector,
/// sidecars' total) and database size (main files, main + WAL), in MiB.
enum SoakPlot {
    struct Line {
        var name: String
        var color: String
        var values: [Double]
    }

    static let width = 900.0
    static let panelHeight = 260.0
    static let margin = (left: 70.0, right: 45.0, top: 36.0, bottom: 40.0)

    static func svg(samples: [SoakSample], title: String) -> String {
        let minutes = samples.map { $0.elapsedSeconds / 60 }
        let mib = { (bytes: Int64) in Double(bytes) / 1_048_576 }
        let memory = [Line(name: "collector RSS", color: "#1f77b4", values: samples.map { mib($0.collectorRSS) }),
                      Line(name: "sidecars RSS (total)", color: "#ff7f0e", values: samples.map { mib($0.sidecarsRSS) })]
        let database = [Line(name: "databases", color: "#2ca02c", values: samples.map { mib($0.databaseBytes) }),
                        Line(name: "databases + WAL", color: "#d62728", values: samples.map { mib($0.totalDatabaseBytes) })]
        let height = 2 * (panelHeight + margin.top + margin.bottom) + 30
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="20" text-anchor="middle" font-size="15">\(escape(title))</text>

            """
        out += panel(title: "Memory (MiB)", lines: memory, x: minutes, top: 30)
        out += panel(title: "Database size (MiB)", lines: database, x: minutes,
                     top: 30 + panelHeight + margin.top + margin.bottom)
        return out + "</svg>\n"
    }

    private static func panel(title: String, lines: [Line], x: [Double], top: Double) -> String {
        let left = margin.left
        let plotWidth = width - margin.left - margin.right
        let plotTop = top + margin.top
        let xMax = max(x.max() ?? 1, 1e-9)
        let yMax = niceCeiling(lines.flatMap(\.values).max() ?? 1)
        func px(_ value: Double) -> Double { left + value / xMax * plotWidth }
        func py(_ value: Double) -> Double { plotTop + panelHeight - value / yMax * panelHeight }
        var out = "<text x=\"\(left)\" y=\"\(plotTop - 10)\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>\n"
        for step in 0...4 {
            let value = yMax * Double(step) / 4
            let y = py(value)
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(String(format: "%.1f", value))</text>\n"
            let minute = xMax * Double(step) / 4
            out += "<text x=\"\(px(minute))\" y=\"\(plotTop + panelHeight + 16)\" text-anchor=\"middle\">"
                + "\(String(format: "%.1f", minute)) min</text>\n"
        }
        out += "<rect x=\"\(left)\" y=\"\(plotTop)\" width=\"\(plotWidth)\" height=\"\(panelHeight)\" fill=\"none\" stroke=\"#888\"/>\n"
        for (index, line) in lines.enumerated() {
            let points = zip(x, line.values).map { String(format: "%.1f,%.1f", px($0), py($1)) }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            let legendX = left + 10 + Double(index) * 200
            out += "<rect x=\"\(legendX)\" y=\"\(plotTop + 8)\" width=\"12\" height=\"3\" fill=\"\(line.color)\"/>"
            out += "<text x=\"\(legendX + 16)\" y=\"\(plotTop + 13)\">\(escape(line.name))</text>\n"
        }
        return out
    }

    /// 1, 2 or 5 times a power of ten at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
