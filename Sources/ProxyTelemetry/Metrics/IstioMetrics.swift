import Synchronization

/// The Istio standard metrics of one proxy: `istio_requests_total`, the duration and size
/// histograms, and the `istio_tcp_*` counters, keyed by the full Istio label set.
///
/// `record` is synchronous and takes one short lock (labels are built before it), so the
/// data path calls it straight from an event loop. Rendering copies the state under the
/// lock and formats outside it.
public final class IstioMetrics: Sendable {
    /// Histogram bounds: Envoy's defaults unless a test or config overrides them.
    public let buckets: [Double]
    /// `tag` of `istio_build{component="proxy"}`.
    public let buildTag: String
    let state = Mutex(State())

    struct State: Sendable {
        var requests: [SeriesKey: UInt64] = [:]
        var duration: [SeriesKey: HistogramSeries] = [:]
        var requestBytes: [SeriesKey: HistogramSeries] = [:]
        var responseBytes: [SeriesKey: HistogramSeries] = [:]
        var tcpSent: [SeriesKey: UInt64] = [:]
        var tcpReceived: [SeriesKey: UInt64] = [:]
        var tcpOpened: [SeriesKey: UInt64] = [:]
        var tcpClosed: [SeriesKey: UInt64] = [:]
    }

    /// The label values of a series, in `IstioLabels` order.
    struct SeriesKey: Hashable, Comparable, Sendable {
        var values: [String]
        static func < (a: SeriesKey, b: SeriesKey) -> Bool { a.values.lexicographicallyPrecedes(b.values) }
    }

    public init(buckets: [Double] = EnvoyBuckets.defaults, buildTag: String = "meshscope") {
        self.buckets = buckets.sorted()
        self.buildTag = buildTag
    }

    /// Counts one finished request. Exemplars (the trace id on the duration bucket) come
    /// only from sampled traces: an unsampled id leads nowhere.
    public func record(_ o: RequestObservation) {
        let key = SeriesKey(values: IstioLabels.values(o))
        let millis = o.durationMillis
        let exemplar = o.trace.flatMap { trace in
            trace.sampled ? MetricExemplar(traceId: trace.traceId, spanId: trace.spanId, value: millis,
                                           timestampMicros: o.startMicros + o.durationMicros) : nil
        }
        let bounds = buckets
        let requestBytes = Double(max(0, o.requestBytes)), responseBytes = Double(max(0, o.responseBytes))
        state.withLock { s in
            s.requests[key, default: 0] += 1
            s.duration[key, default: HistogramSeries(bucketCount: bounds.count)]
                .observe(millis, bounds: bounds, exemplar: exemplar)
            s.requestBytes[key, default: HistogramSeries(bucketCount: bounds.count)]
                .observe(requestBytes, bounds: bounds, exemplar: nil)
            s.responseBytes[key, default: HistogramSeries(bucketCount: bounds.count)]
                .observe(responseBytes, bounds: bounds, exemplar: nil)
        }
    }

    /// Adds one TCP report. The byte counters exist from a connection's first report on,
    /// even at zero, so rates over them are defined.
    public func recordTCP(_ o: TCPObservation) {
        let key = SeriesKey(values: IstioLabels.values(o))
        let sent = UInt64(max(0, o.sentBytes)), received = UInt64(max(0, o.receivedBytes))
        state.withLock { s in
            s.tcpSent[key, default: 0] += sent
            s.tcpReceived[key, default: 0] += received
            if o.connectionOpened { s.tcpOpened[key, default: 0] += 1 }
            if o.connectionClosed { s.tcpClosed[key, default: 0] += 1 }
        }
    }

    /// Number of distinct HTTP series (for the admin page and tests).
    public var requestSeriesCount: Int { state.withLock { $0.requests.count } }
}
