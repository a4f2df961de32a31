/// Why a query was rejected, in Prometheus' words and format: `description` is what
/// Prometheus' HTTP API returns, e.g. `1:13: parse error: unexpected <op:+>`.
public struct PromQLParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The message alone: `unexpected <op:+>`.
    public let message: String
    /// The offending part of the query, in UTF-8 byte offsets.
    public let positionRange: PositionRange
    /// 1-based line of `position`.
    public let line: Int
    /// 1-based byte column of `position` within its line.
    public let column: Int
    /// `line:column`, or `unknown position` for an empty query, as Prometheus prints it.
    public let location: String

    public init(message: String, positionRange: PositionRange, query: String) {
        self.message = message
        self.positionRange = positionRange
        let (line, column) = positionRange.lineAndColumn(in: query) ?? (1, 1)
        self.line = line
        self.column = column
        location = positionRange.startDescription(in: query)
    }

    /// The byte offset where the problem starts.
    public var position: Int { positionRange.start }

    public var description: String { "\(location): parse error: \(message)" }
}
