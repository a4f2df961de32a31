/// Where one queue delivers and how: resolved from a `remote_write` or
/// `span_forwarding` entry of the configuration.
public struct ForwardDestination: Sendable, Hashable {
    /// The body a request carries, which fixes how queued payloads are joined.
    public enum Format: String, Sendable, Hashable {
        /// Prometheus remote write 1.0: concatenated `WriteRequest` fragments, snappy-compressed.
        case remoteWrite = "remote_write"
        /// Zipkin v2 JSON: a list of span objects.
        case zipkinJSON = "json"
        /// Zipkin proto3 `ListOfSpans`.
        case zipkinProto3 = "proto3"
        /// Loki's push API, JSON: `{"streams":[...]}`.
        case lokiJSON = "loki"
    }

    /// Unique per format; names the queue file and the metrics' `destination` label.
    public var name: String
    public var url: String
    public var format: Format
    /// Sent with every request (tenant ids, authorization), after the protocol's own.
    public var headers: [(name: String, value: String)]
    /// One request's limit, connection included.
    public var timeout: Duration
    /// Samples or spans per request at most.
    public var maxPerSend: Int
    /// How long pending data may wait for a request to fill before it is sent anyway.
    public var batchSendDeadline: Duration
    public var minBackoff: Duration
    public var maxBackoff: Duration
    /// Prometheus' `retry_on_http_429`: retry a 429 instead of dropping the data.
    public var retryOn429: Bool
    /// The on-disk queue's bound; past it the oldest data is dropped.
    public var maxQueueBytes: Int

    public init(name: String, url: String, format: Format, headers: [(name: String, value: String)] = [],
                timeout: Duration = .seconds(30), maxPerSend: Int = 2000, batchSendDeadline: Duration = .seconds(5),
                minBackoff: Duration = .milliseconds(30), maxBackoff: Duration = .seconds(5), retryOn429: Bool = true,
                maxQueueBytes: Int = 256 << 20) {
        self.name = name
        self.url = url
        self.format = format
        self.headers = headers
        self.timeout = timeout
        self.maxPerSend = max(1, maxPerSend)
        self.batchSendDeadline = batchSendDeadline
        self.minBackoff = minBackoff
        self.maxBackoff = maxBackoff
        self.retryOn429 = retryOn429
        self.maxQueueBytes = maxQueueBytes
    }

    /// What the queue carries: `samples`, `spans` or `records` (the metrics' `signal` label).
    public var signal: String {
        switch format {
        case .remoteWrite: "samples"
        case .zipkinJSON, .zipkinProto3: "spans"
        case .lokiJSON: "records"
        }
    }

    public static func == (lhs: ForwardDestination, rhs: ForwardDestination) -> Bool {
        lhs.name == rhs.name && lhs.url == rhs.url && lhs.format == rhs.format
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
            && lhs.timeout == rhs.timeout && lhs.maxPerSend == rhs.maxPerSend
            && lhs.batchSendDeadline == rhs.batchSendDeadline && lhs.minBackoff == rhs.minBackoff
            && lhs.maxBackoff == rhs.maxBackoff && lhs.retryOn429 == rhs.retryOn429 && lhs.maxQueueBytes == rhs.maxQueueBytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(url)
        hasher.combine(format)
    }
}
