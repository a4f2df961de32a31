/// What the sidecar's telemetry does besides metrics (which are always on).
public struct TelemetrySettings: Sendable, Hashable {
    /// Percentage of new traces sampled (Istio's default is 1); upstream decisions win.
    public var samplingPercentage: Double
    /// Zipkin span reporting; nil turns it off.
    public var spans: ShipperSettings?
    /// Where access-log lines are written; nil turns local logging off.
    public var accessLog: AccessLogOutput?
    /// Posting access logs to the collector; nil turns it off.
    public var accessLogShipping: ShipperSettings?
    /// Envoy's `node_id` span tag; derived from the identity and `proxyIP` when nil.
    public var nodeID: String?
    /// This proxy's IP, for spans' local endpoint and the node id.
    public var proxyIP: String?
    public var histogramBuckets: [Double]
    /// `tag` of `istio_build`.
    public var buildTag: String

    public init(samplingPercentage: Double = 1, spans: ShipperSettings? = nil, accessLog: AccessLogOutput? = .stdout,
                accessLogShipping: ShipperSettings? = nil, nodeID: String? = nil, proxyIP: String? = nil,
                histogramBuckets: [Double] = EnvoyBuckets.defaults, buildTag: String = "meshscope") {
        self.samplingPercentage = samplingPercentage
        self.spans = spans
        self.accessLog = accessLog
        self.accessLogShipping = accessLogShipping
        self.nodeID = nodeID
        self.proxyIP = proxyIP
        self.histogramBuckets = histogramBuckets
        self.buildTag = buildTag
    }

    /// Spans to `<collector>/api/v2/spans` and logs to `<collector>/api/v1/logs`, both with
    /// default batching, for a collector base URL such as `http://127.0.0.1:9098`.
    public static func collector(_ baseURL: String, service: String? = nil, samplingPercentage: Double = 1,
                                 accessLog: AccessLogOutput? = .stdout) -> TelemetrySettings {
        TelemetrySettings(
            samplingPercentage: samplingPercentage,
            spans: ShipperSettings(url: SpanReporter.zipkinURL(collector: baseURL)),
            accessLog: accessLog,
            accessLogShipping: ShipperSettings(url: AccessLogShipper.logsURL(collector: baseURL, service: service)))
    }
}
