/// The verdict of checking a run against known failures.
public struct ConformanceVerdict: Sendable, Hashable, CustomStringConvertible {
    /// Failures not in the known list, as `file:line reason` entries.
    public var unexpectedFailures: [KnownFailures.Entry]
    /// Known failures that did not fail this time (passed, skipped, or gone): time to
    /// remove them from the list.
    public var resolvedKnownFailures: [KnownFailures.Entry]
    /// Passed evals over passed plus failed ones (skips excluded); 1 when none ran.
    public var passRate: Double

    /// No failure outside the known list, and at least `minimumPassRate` passing.
    public func isAcceptable(minimumPassRate: Double = 0.95) -> Bool {
        unexpectedFailures.isEmpty && passRate >= minimumPassRate
    }

    public var description: String {
        var lines = ["pass rate \(Double(Int(passRate * 10000)) / 100)%"]
        lines += unexpectedFailures.map { "unexpected failure \($0)" }
        lines += resolvedKnownFailures.map { "known failure no longer failing \($0)" }
        return lines.joined(separator: "\n")
    }
}
