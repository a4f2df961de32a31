import Foundation
import Logging
import LoopbackPorts
import Testing
import Traces
@testable import ProxyTelemetry

/// The reporter against a real HTTP server on 127.0.0.1.
@Suite(.serialized) struct SpanReporterTests {
    static func spans(_ count: Int) throws -> [Span] {
        try (1...count).map { i in
            try Span(traceId: "463ac35c9f6413ad48485a3953bb6124", id: String(format: "%016x", i), kind: .client,
                     name: "reviews.default.svc.cluster.local:9080/*", timestamp: Fixtures.start + Int64(i), duration: 10,
                     localEndpoint: Endpoint(serviceName: "productpage.default"), tags: ["n": String(i)])
        }
    }

    static func settings(_ server: CollectorServer, batchSize: Int = 3, flushInterval: Duration = .seconds(30),
                         maxBuffered: Int = 100, maxAttempts: Int = 3) -> ShipperSettings {
        ShipperSettings(url: SpanReporter.zipkinURL(collector: server.baseURL), batchSize: batchSize,
                        flushInterval: flushInterval, maxBuffered: maxBuffered, maxAttempts: maxAttempts,
                        initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(100), requestTimeout: .seconds(5))
    }

    static func decoded(_ r: CollectorServer.Received) throws -> [Span] {
        #expect(r.path == "/api/v2/spans")
        #expect(r.contentEncoding == "gzip")
        #expect(r.contentType == "application/json")
        #expect(r.body.prefix(2) == [0x1f, 0x8b])
        return try SpanJSONDecoder.decodeList(try gunzip(r.body))
    }

    @Test func fullBatchesAreSentGzippedAsZipkinJSON() async throws {
        let server = try await CollectorServer.start()
        let reporter = SpanReporter(settings: Self.settings(server), httpClient: .shared)
        let runner = Task { await reporter.run() }
        let spans = try Self.spans(7)
        for span in spans { reporter.report(span) }
        // Two full batches of 3 go out without waiting for the (30 s) interval.
        #expect(await eventually { server.received.count == 2 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.received.count == 2)
        await reporter.shutdown()
        await runner.value
        let batches = try server.received.map(Self.decoded)
        #expect(batches.map(\.count) == [3, 3, 1])
        #expect(batches.flatMap { $0 } == spans)
        #expect(reporter.counters.sent == 7)
        #expect(reporter.counters.batchesSent == 3)
        await server.stop()
    }

    @Test func theIntervalFlushesAPartialBatch() async throws {
        let server = try await CollectorServer.start()
        let reporter = SpanReporter(settings: Self.settings(server, batchSize: 100, flushInterval: .milliseconds(200)))
        let runner = Task { await reporter.run() }
        for span in try Self.spans(2) { reporter.report(span) }
        #expect(await eventually(timeout: .seconds(3)) { server.received.count == 1 })
        #expect(try Self.decoded(server.received[0]).count == 2)
        await reporter.shutdown()
        await runner.value
        #expect(server.received.count == 1)
        await server.stop()
    }

    @Test func failedPostsAreRetriedWithBackoff() async throws {
        let server = try await CollectorServer.start(failFirst: 2)
        let reporter = SpanReporter(settings: Self.settings(server, maxAttempts: 3))
        for span in try Self.spans(2) { reporter.report(span) }
        await reporter.flush()
        #expect(server.responses == [503, 503, 202])
        // The same batch each time.
        let bodies = try server.received.map(Self.decoded)
        #expect(Set(bodies.map { $0.map(\.id) }).count == 1)
        #expect(reporter.counters.retries == 2)
        #expect(reporter.counters.sent == 2)
        #expect(reporter.counters.failed == 0)
        await server.stop()
    }

    @Test func aBatchIsGivenUpAfterItsAttempts() async throws {
        let server = try await CollectorServer.start(failFirst: 10)
        let reporter = SpanReporter(settings: Self.settings(server, maxAttempts: 2))
        for span in try Self.spans(2) { reporter.report(span) }
        await reporter.flush()
        #expect(server.responses == [503, 503])
        #expect(reporter.counters.failed == 2)
        #expect(reporter.counters.sent == 0)
        await server.stop()
    }

    @Test func aBadRequestIsNotRetried() async throws {
        let server = try await CollectorServer.start(failStatus: 400)
        let reporter = SpanReporter(settings: Self.settings(server, maxAttempts: 5))
        for span in try Self.spans(1) { reporter.report(span) }
        await reporter.flush()
        #expect(server.responses == [400])
        #expect(reporter.counters.failed == 1)
        await server.stop()
    }

    @Test func theBufferIsBoundedAndDropsTheOldest() async throws {
        let server = try await CollectorServer.start()
        let reporter = SpanReporter(settings: Self.settings(server, batchSize: 100, maxBuffered: 5))
        let spans = try Self.spans(8)
        for span in spans { reporter.report(span) }
        #expect(reporter.counters.dropped == 3)
        #expect(reporter.counters.buffered == 5)
        await reporter.shutdown()
        let sent = try server.received.flatMap(Self.decoded)
        #expect(sent == Array(spans.suffix(5)))
        await server.stop()
    }

    @Test func anUnreachableCollectorLosesNoMoreThanTheBuffer() async throws {
        // A port that refuses connections: retried, then given up.
        let refusing = try RefusingPort()
        let url = "http://127.0.0.1:\(refusing.port)"
        var settings = ShipperSettings(url: url + "/api/v2/spans", batchSize: 2, maxBuffered: 4, maxAttempts: 2,
                                       initialBackoff: .milliseconds(10), requestTimeout: .milliseconds(500))
        settings.flushInterval = .seconds(30)
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let reporter = SpanReporter(settings: settings, logger: quiet)
        for span in try Self.spans(2) { reporter.report(span) }
        await reporter.flush()
        #expect(reporter.counters.failed == 2)
        #expect(reporter.counters.retries == 1)
        withExtendedLifetime(refusing) {}
    }
}
