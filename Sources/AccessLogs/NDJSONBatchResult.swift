/// The outcome of reading an NDJSON body: the records of the good lines, in order, and
/// the bad lines with their 1-based line numbers and reasons.
///
/// Callers that must store all or nothing (`POST /api/v1/logs`) check `isValid` and refuse
/// the whole body otherwise; a file follower stores `records` and reports `errors`.
public struct NDJSONBatchResult: Sendable, Hashable {
    public var records: [AccessLogRecord] = []
    /// The bad lines, each with `line` set; at most `NDJSONBatch.Options.maxReportedErrors`.
    public var errors: [AccessLogParseError] = []
    /// All bad lines, including those beyond the reported ones.
    public var badLineCount = 0
    /// Lines read, blank ones included (the number of the last line read).
    public var lineCount = 0
    /// Bytes of the body consumed: all of it, or (when not `final`) through the last newline.
    public var consumedBytes = 0

    public init() {}

    /// True when every non-blank line was a record.
    public var isValid: Bool { badLineCount == 0 }
}
