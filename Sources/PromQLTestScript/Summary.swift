/// Totals over a set of file reports, printable per file:
///
///     aggregators.test: 120 passed, 3 failed, 10 skipped
///     ...
///     total: 1400 passed, 12 failed, 300 skipped
public struct Summary: Sendable, Hashable, CustomStringConvertible {
    public var files: [FileReport]

    public init(_ files: [FileReport]) {
        self.files = files
    }

    public var passed: Int { files.reduce(0) { $0 + $1.passed.count } }
    public var failed: Int { files.reduce(0) { $0 + $1.failed.count } }
    public var skipped: Int { files.reduce(0) { $0 + $1.skipped.count } }

    /// Passed over passed plus failed; skips do not count either way. 1 when nothing ran.
    public var passRate: Double {
        let ran = passed + failed
        return ran == 0 ? 1 : Double(passed) / Double(ran)
    }

    /// Skips per `SkipReason.category`, over all files.
    public var skipCounts: [String: Int] {
        files.reduce(into: [:]) { counts, file in
            for (category, count) in file.skipCounts { counts[category, default: 0] += count }
        }
    }

    public var totalLine: String {
        "total: \(passed) passed, \(failed) failed, \(skipped) skipped"
    }

    public var description: String {
        (files.map(\.summaryLine) + [totalLine]).joined(separator: "\n")
    }

    /// Every file's details (failures, annotation mismatches, skip counts), then the total.
    public var details: String {
        (files.map(\.details) + [totalLine]).joined(separator: "\n")
    }

    /// Current failures as `file:line reason` lines, the known-failures format.
    public var failureListing: String {
        failureEntries.map(\.description).joined(separator: "\n")
    }

    /// Compares failures with `known`: which are new, which known ones went away.
    public func check(against known: KnownFailures) -> ConformanceVerdict {
        let current = failureEntries
        let unexpected = current.filter { !known.contains(file: $0.file, line: $0.line) }
        let failing = KnownFailures(current)
        let resolved = known.entries.filter { !failing.contains(file: $0.file, line: $0.line) }
        return ConformanceVerdict(unexpectedFailures: unexpected, resolvedKnownFailures: resolved, passRate: passRate)
    }

    private var failureEntries: [KnownFailures.Entry] {
        files.flatMap { report in
            report.failed.map { failure in
                // One line per entry: the reason may quote multi-line text.
                let reason = failure.reason.split(whereSeparator: \.isNewline).joined(separator: " ")
                return KnownFailures.Entry(file: report.file, line: failure.line, reason: reason)
            }
        }
    }
}
