/// Parses PromQL as Prometheus 3 does: same grammar, same type rules, same first error
/// with the same message. Pure and thread-safe.
///
/// Not supported, each rejected with Prometheus' message for a disabled feature:
/// duration arithmetic (`[5m+1m]`, `offset step()`), `anchored`/`smoothed` range
/// modifiers and `fill(...)` binary modifiers. Native histogram literals only exist in
/// test scripts' series descriptions, which are not queries.
public enum PromQLParser {
    public struct Options: Sendable, Hashable {
        /// Accept the functions and aggregations Prometheus puts behind
        /// `--enable-feature=promql-experimental-functions` (`limitk`, `sort_by_label`,
        /// `mad_over_time`, ...). On by default, as its conformance scripts run.
        public var experimentalFunctions: Bool

        public init(experimentalFunctions: Bool = true) {
            self.experimentalFunctions = experimentalFunctions
        }
    }

    /// The type-checked expression tree of `query`, or the first problem Prometheus
    /// would report.
    public static func parse(_ query: String, options: Options = Options()) throws(PromQLParseError) -> Expr {
        do {
            var parser = Parser(query: query, options: options)
            let expr = try parser.parseQuery()
            return try TypeChecker(query: query).check(expr)
        } catch {
            throw PromQLParseError(message: error.message, positionRange: error.range, query: query)
        }
    }
}
