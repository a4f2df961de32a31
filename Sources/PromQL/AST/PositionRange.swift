/// A span of the query text in UTF-8 byte offsets: `start` inclusive, `end` exclusive.
public struct PositionRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func merged(with other: PositionRange) -> PositionRange {
        PositionRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }

    /// The 1-based line and byte column of `start` in `query`, as Prometheus prints them
    /// in errors and annotations (`1:13`). Nil when `start` lies outside the query.
    public func lineAndColumn(in query: String) -> (line: Int, column: Int)? {
        let bytes = query.utf8
        guard start >= 0, start <= bytes.count else { return nil }
        var line = 1
        var lastLineBreak = -1
        for (index, byte) in bytes.prefix(start).enumerated() where byte == 0x0a {
            line += 1
            lastLineBreak = index
        }
        return (line, start - lastLineBreak)
    }

    /// `line:column` of `start`, or Prometheus' placeholders when there is none.
    public func startDescription(in query: String) -> String {
        if query.isEmpty { return "unknown position" }
        guard let (line, column) = lineAndColumn(in: query) else { return "invalid position" }
        return "\(line):\(column)"
    }
}
