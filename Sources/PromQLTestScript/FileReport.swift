/// The outcome of running one script: every eval is exactly one of passed, failed or
/// skipped. Annotation mismatches and failed `load`/`clear` calls are listed apart and
/// do not change an eval's count.
public struct FileReport: Sendable, Hashable {
    public struct Pass: Sendable, Hashable {
        public var line: Int
        public var query: String

        public init(line: Int, query: String) {
            self.line = line
            self.query = query
        }
    }

    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var query: String
        /// Short: what was expected and what came back.
        public var reason: String

        public init(line: Int, query: String, reason: String) {
            self.line = line
            self.query = query
            self.reason = reason
        }

        public var description: String { "line \(line): \(query): \(reason)" }
    }

    public struct Skip: Sendable, Hashable {
        public var line: Int
        public var query: String
        public var reason: SkipReason

        public init(line: Int, query: String, reason: SkipReason) {
            self.line = line
            self.query = query
            self.reason = reason
        }
    }

    public var file: String
    public var passed: [Pass] = []
    public var failed: [Failure] = []
    public var skipped: [Skip] = []
    /// `expect warn|info|no_warn|no_info` (and `eval_warn|info`) not met; reported only.
    public var annotationMismatches: [Failure] = []
    /// `load` or `clear` calls the engine threw on (query is `load` or `clear`).
    public var setupErrors: [Failure] = []

    public init(file: String) {
        self.file = file
    }

    public var evalCount: Int { passed.count + failed.count + skipped.count }

    /// Skips per `SkipReason.category`.
    public var skipCounts: [String: Int] {
        skipped.reduce(into: [:]) { counts, skip in counts[skip.reason.category, default: 0] += 1 }
    }

    /// `aggregators.test: 120 passed, 3 failed, 10 skipped`.
    public var summaryLine: String {
        "\(file): \(passed.count) passed, \(failed.count) failed, \(skipped.count) skipped"
    }

    /// The summary line, then each failure and setup error, then skip and annotation counts.
    public var details: String {
        var lines = [summaryLine]
        lines += setupErrors.map { "  setup error \($0)" }
        lines += failed.map { "  FAIL \($0)" }
        lines += annotationMismatches.map { "  annotations \($0)" }
        lines += skipCounts.sorted { $0.key < $1.key }.map { "  skipped \($0.value): \($0.key)" }
        return lines.joined(separator: "\n")
    }
}
