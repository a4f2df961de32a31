import AsyncHTTPClient
import Foundation
import ProcessMetrics
import Logging

/// Everything the proxy reports, behind one object the data path holds: Istio metrics,
/// Envoy upstream and process stats, Zipkin spans and JSON access logs.
///
/// Named apart from its module so `ProxyTelemetry.X` stays unambiguous for callers.
/// The request path only calls synchronous, non-blocking methods (`startHop`, `record`,
/// `recordTCP`, `upstream.*`); `run()` does the I/O in the background and `shutdown()`
/// flushes it.
public final class SidecarTelemetry: Sendable {
    /// The workload this sidecar runs beside.
    public let identity: PeerIdentity
    public let settings: TelemetrySettings
    public let metrics: IstioMetrics
    public let upstream: UpstreamStats
    public let spanFactory: SpanFactory
    public let spanReporter: SpanReporter?
    public let accessLogWriter: AccessLogWriter?
    public let accessLogShipper: AccessLogShipper?
    public let sampler: Sampler
    private let random: any RandomSource
    private let logger: Logger

    /// Throws when the access-log file cannot be opened.
    public init(identity: PeerIdentity, settings: TelemetrySettings, logger: Logger,
                httpClient: HTTPClient = .shared, random: any RandomSource = SystemRandomSource()) throws {
        self.identity = identity
        self.settings = settings
        self.logger = logger
        self.random = random
        metrics = IstioMetrics(buckets: settings.histogramBuckets, buildTag: settings.buildTag)
        upstream = UpstreamStats()
        sampler = Sampler(percentage: settings.samplingPercentage)
        let nodeID = settings.nodeID ?? SpanFactory.sidecarNodeID(identity: identity, ip: settings.proxyIP ?? "127.0.0.1")
        spanFactory = SpanFactory(nodeID: nodeID, localAddress: settings.proxyIP)
        spanReporter = settings.spans.map { SpanReporter(settings: $0, httpClient: httpClient, logger: logger) }
        accessLogWriter = try settings.accessLog.map { try AccessLogWriter(output: $0) }
        accessLogShipper = settings.accessLogShipping.map {
            AccessLogShipper(settings: $0, httpClient: httpClient, logger: logger)
        }
    }

    /// The trace context for a request arriving at this proxy: continues the caller's
    /// trace (B3 single, B3 multi or W3C) under a new span id, or starts one, sampling
    /// by the configured percentage. `header` looks a header up by lower-case name.
    public func startHop(header: (String) -> String?) -> TraceContext {
        TraceContext.startHop(incoming: IncomingTrace.extract(header), sampler: sampler, random: random)
    }

    /// Reports one finished request: metrics now, the span and the access-log record
    /// into their buffers. Never blocks.
    public func record(_ observation: RequestObservation) {
        metrics.record(observation)
        if let spanReporter, let span = spanFactory.span(for: observation) {
            spanReporter.report(span)
        }
        if accessLogWriter != nil || accessLogShipper != nil {
            let line = AccessLogEntry(observation).json
            accessLogWriter?.write(line)
            accessLogShipper?.ship(line)
        }
    }

    public func recordTCP(_ observation: TCPObservation) {
        metrics.recordTCP(observation)
    }

    /// `/stats/prometheus`: Istio metrics, Envoy cluster stats and process stats; in
    /// OpenMetrics (with exemplars) when the scraper asked for it.
    public func metricsText(openMetrics: Bool) -> String {
        var writer = MetricsTextWriter(openMetrics: openMetrics, reservingCapacity: 16 * 1024)
        metrics.write(into: &writer)
        upstream.write(into: &writer)
        ProcessStats.current().write(into: &writer)
        writer.finish()
        return writer.string
    }

    /// The `Content-Type` for `metricsText(openMetrics:)`.
    public static func metricsContentType(openMetrics: Bool) -> String {
        openMetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8"
    }

    /// `/stats`: Envoy's plain `name: value` lines, sorted.
    public func statsText() -> String {
        var lines = upstream.plainText().split(separator: "\n").map(String.init)
        lines += ProcessStats.current().plainLines(now: Date().timeIntervalSince1970)
        if let c = spanReporter?.counters {
            lines += ["tracing.zipkin.spans_sent: \(c.sent)", "tracing.zipkin.spans_dropped: \(c.dropped)",
                      "tracing.zipkin.spans_failed: \(c.failed)", "tracing.zipkin.reports_sent: \(c.batchesSent)"]
        }
        if let c = accessLogShipper?.counters {
            lines += ["access_log.shipped: \(c.sent)", "access_log.ship_dropped: \(c.dropped)",
                      "access_log.ship_failed: \(c.failed)"]
        }
        if let w = accessLogWriter { lines.append("access_log.dropped: \(w.droppedLines)") }
        return lines.sorted().joined(separator: "\n") + "\n"
    }

    /// Runs the background reporters until `shutdown()`; call once from a background task.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            if let spanReporter { group.addTask { await spanReporter.run() } }
            if let accessLogWriter { group.addTask { await accessLogWriter.run() } }
            if let accessLogShipper { group.addTask { await accessLogShipper.run() } }
        }
    }

    /// Flushes spans and logs and stops `run()`.
    public func shutdown() async {
        await withTaskGroup(of: Void.self) { group in
            if let spanReporter { group.addTask { await spanReporter.shutdown() } }
            if let accessLogWriter { group.addTask { await accessLogWriter.shutdown() } }
            if let accessLogShipper { group.addTask { await accessLogShipper.shutdown() } }
        }
        logger.debug("proxy telemetry flushed")
    }
}
