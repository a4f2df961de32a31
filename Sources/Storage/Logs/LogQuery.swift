import AccessLogs

/// The filters of `GET /api/v1/logs` and `/api/v1/logs/stats`, already typed; every
/// filter given must hold. Empty strings mean absent. Times and durations are µs.
public struct LogQuery: Sendable, Hashable {
    /// Inclusive bounds on the record time.
    public var startMicros: Int64?
    public var endMicros: Int64?
    /// The source or the destination service (`AccessLogPeer.name`) is this one.
    public var service: String?
    public var source: String?
    public var destination: String?
    /// HTTP method, any case.
    public var method: String?
    public var status: StatusFilter?
    public var minDurationMicros: Int64?
    /// Records with any of these response flags (`UF`, `UO`); `UF,URX` in one entry counts
    /// as two flags.
    public var responseFlags: [String]
    /// Hex, any case, 1–32 digits (normalised as stored: `TraceContextHeaders.normalize`).
    public var traceId: String?
    public var requestId: String?
    /// Full-text query over path, authority and user agent (`LogTextQuery`).
    public var text: String?
    /// Records per page, 1 through `maxLimit`.
    public var limit: Int
    /// `LogPage.nextCursor` of the previous page.
    public var cursor: String?

    public static let defaultLimit = 100
    public static let maxLimit = 10_000

    public init(startMicros: Int64? = nil, endMicros: Int64? = nil, service: String? = nil, source: String? = nil,
                destination: String? = nil, method: String? = nil, status: StatusFilter? = nil,
                minDurationMicros: Int64? = nil, responseFlags: [String] = [], traceId: String? = nil,
                requestId: String? = nil, text: String? = nil, limit: Int = LogQuery.defaultLimit, cursor: String? = nil) {
        self.startMicros = startMicros
        self.endMicros = endMicros
        self.service = service
        self.source = source
        self.destination = destination
        self.method = method
        self.status = status
        self.minDurationMicros = minDurationMicros
        self.responseFlags = responseFlags
        self.traceId = traceId
        self.requestId = requestId
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }
}
