import AsyncHTTPClient
import Logging
import Traces

/// Sends spans to a Zipkin collector (`POST /api/v2/spans`, JSON v2, gzip) in batches, as
/// Envoy's Zipkin tracer does, with a bounded buffer and retry. `report` is synchronous
/// and never blocks; `run()` does the sending in a background task.
public final class SpanReporter: Sendable {
    private let shipper: BatchShipper<Span>

    /// `settings.url` is the full spans URL; `zipkinURL(collector:)` builds it.
    public init(settings: ShipperSettings, httpClient: HTTPClient = .shared,
                logger: Logger = Logger(label: "meshscope.proxy.spans")) {
        shipper = BatchShipper(settings: settings, contentType: "application/json", client: httpClient,
                               logger: logger) { spans in SpanJSONEncoder.encode(spans) }
    }

    /// `http://host:port/api/v2/spans` for a collector base URL (`http://127.0.0.1:9411`).
    public static func zipkinURL(collector: String) -> String {
        (collector.hasSuffix("/") ? String(collector.dropLast()) : collector) + "/api/v2/spans"
    }

    public var settings: ShipperSettings { shipper.settings }

    public func report(_ span: Span) { shipper.enqueue(span) }

    /// Runs until `shutdown()` (or cancellation); call once, from a background task.
    public func run() async { await shipper.run() }

    /// Sends every buffered span now.
    public func flush() async { await shipper.flush() }

    /// Sends what is left, then stops `run()`.
    public func shutdown() async { await shipper.shutdown() }

    public var counters: ShipperCounters { shipper.counters }
}
