/// How a background shipper (spans, access logs) batches and delivers to the collector.
public struct ShipperSettings: Sendable, Hashable {
    /// Full URL of the ingest endpoint (`http://127.0.0.1:9411/api/v2/spans`).
    public var url: String
    /// Send as soon as this many items are buffered.
    public var batchSize: Int
    /// Send whatever is buffered at least this often.
    public var flushInterval: Duration
    /// Items kept while the collector is slow or down; the oldest go first beyond it.
    public var maxBuffered: Int
    /// Tries per batch, the first included, before the batch is given up.
    public var maxAttempts: Int
    /// Wait before the first retry; doubled per retry up to `maxBackoff`.
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// Bound on one POST, connect to last response byte.
    public var requestTimeout: Duration
    /// Compress bodies with gzip (`Content-Encoding: gzip`), as the collector accepts.
    public var gzip: Bool
    /// File holding the collector's ingest token, sent as `Authorization: Bearer`; read
    /// before every POST, so a rotated token is used without a restart. nil sends none.
    public var bearerTokenFile: String?

    public init(url: String, batchSize: Int = 100, flushInterval: Duration = .seconds(1), maxBuffered: Int = 10_000,
                maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(200), maxBackoff: Duration = .seconds(5),
                requestTimeout: Duration = .seconds(10), gzip: Bool = true) {
        self.url = url
        self.batchSize = max(1, batchSize)
        self.flushInterval = flushInterval
        self.maxBuffered = max(1, maxBuffered)
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.requestTimeout = requestTimeout
        self.gzip = gzip
    }
}

/// What a shipper has done so far, in items (spans or log records) unless named otherwise.
public struct ShipperCounters: Sendable, Hashable {
    /// Accepted by the collector (2xx).
    public var sent = 0
    /// Dropped from a full buffer (oldest first).
    public var dropped = 0
    /// Given up after every attempt failed, or refused by the collector as bad (4xx).
    public var failed = 0
    /// POSTs that got a 2xx.
    public var batchesSent = 0
    /// Retries after a failed POST.
    public var retries = 0
    /// Items waiting now.
    public var buffered = 0

    public init() {}
}
