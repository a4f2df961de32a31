import AsyncHTTPClient
import Foundation
import Logging
import LoopbackPorts
import MeshMetrics
import Outbox
import RemoteWrite
import Testing
import Traces

/// A `Forwarder` against a real HTTP receiver on 127.0.0.1: the bytes on the wire, the
/// headers, and what happens on each kind of failure.
@Suite struct ForwarderTests {
    static func channel(_ url: String, format: ForwardDestination.Format = .remoteWrite, maxPerSend: Int = 100,
                        deadline: Duration = .milliseconds(50), maxQueueBytes: Int = 1 << 20) throws -> ForwardChannel {
        let destination = ForwardDestination(
            name: "test", url: url, format: format, headers: [(name: "X-Scope-OrgID", value: "tenant-a")],
            timeout: .seconds(5), maxPerSend: maxPerSend, batchSendDeadline: deadline,
            minBackoff: .milliseconds(20), maxBackoff: .milliseconds(200), maxQueueBytes: maxQueueBytes)
        return ForwardChannel(destination: destination,
                              queue: try OutboxQueue(path: OutboxQueueTests.temporaryPath(), maxBytes: maxQueueBytes))
    }

    /// Runs a forwarder on `channel` for the duration of `body`.
    static func forwarding(_ channel: ForwardChannel, _ body: () async throws -> Void) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .forwarding)
        var logger = Logger(label: "test.forward")
        logger.logLevel = .critical
        let forwarder = Forwarder(channel: channel, client: client, userAgent: "MeshScope/test", logger: logger)
        let task = Task { try await forwarder.run() }
        do {
            try await body()
        } catch {
            task.cancel()
            _ = await task.result
            try? await client.shutdown()
            throw error
        }
        task.cancel()
        _ = await task.result
        try await client.shutdown()
    }

    static func samples(_ count: Int, series: Int = 3, start: Int64 = 1_700_000_000_000) -> [(labels: Labels, sample: Sample, exemplar: Exemplar?)] {
        (0..<count).map { index in
            (labels: Labels(name: "requests_total", ["pod": "p\(index % series)"]),
             sample: Sample(timestamp: start + Int64(index / series) * 1000, value: Double(index)), exemplar: nil)
        }
    }

    /// Decodes every accepted request back into samples, in arrival order.
    static func decoded(_ requests: [Receiver.Received]) throws -> [(Labels, Sample)] {
        try requests.flatMap { request in
            let raw = try Snappy.decompress(request.body, maxLength: 64 << 20)
            return try WriteRequestDecoder.decode(raw).timeseries.flatMap { series in series.samples.map { (series.labels, $0) } }
        }
    }

    @Test func remoteWriteSendsSnappyProtobufWithTheRequiredHeaders() async throws {
        let receiver = try await Receiver.start()
        let channel = try Self.channel(receiver.url, maxPerSend: 100)
        let payloads = RemoteWritePayloads(externalLabels: Labels(["cluster": "c1", "pod": "ignored"]), relabelRules: [],
                                           maxPerSend: 100)
        let input = Self.samples(250)
        try channel.enqueue(payloads.payloads(input))
        try await Self.forwarding(channel) {
            try await waitUntil("all samples delivered") { channel.stats.delivered == 250 }
        }
        await receiver.stop()
        let requests = receiver.accepted
        #expect(requests.count == 3, "250 samples at 100 per send")
        let headers = try #require(requests.first?.headers)
        #expect(headers["content-encoding"] == "snappy")
        #expect(headers["content-type"] == "application/x-protobuf")
        #expect(headers["x-prometheus-remote-write-version"] == "0.1.0")
        #expect(headers["user-agent"] == "MeshScope/test")
        #expect(headers["x-scope-orgid"] == "tenant-a")
        let received = try Self.decoded(requests)
        // Exactly the input, in order, with the external label added (the series' own `pod` wins).
        #expect(received.map(\.1) == input.map(\.sample))
        #expect(received.map(\.0) == input.map { $0.labels.setting("cluster", "c1") })
        #expect(channel.queue.pending.items == 0)
        #expect(channel.stats.retried == 0 && channel.stats.requests == 3)
    }

    @Test func serverErrorsAreRetriedUntilDeliveredWithoutLossOrDuplicates() async throws {
        let receiver = try await Receiver.start(answers: [(503, nil), (500, nil), (503, nil)])
        let channel = try Self.channel(receiver.url)
        let payloads = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 100)
        let input = Self.samples(60)
        try channel.enqueue(payloads.payloads(input))
        try await Self.forwarding(channel) {
            try await waitUntil("delivery after three failures") { channel.stats.delivered == 60 }
        }
        await receiver.stop()
        #expect(receiver.received.map(\.status) == [503, 500, 503, 200])
        #expect(channel.stats.retried == 180, "each failed attempt counts its 60 samples")
        #expect(try Self.decoded(receiver.accepted).map(\.1) == input.map(\.sample))
        #expect(channel.stats.lastError?.contains("HTTP 503") == true)
    }

    @Test func aRejectedBatchIsDroppedAndTheRestGoesOn() async throws {
        let receiver = try await Receiver.start(answers: [(400, nil)])
        let channel = try Self.channel(receiver.url, maxPerSend: 10)
        let payloads = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 10)
        try channel.enqueue(payloads.payloads(Self.samples(30)))
        try await Self.forwarding(channel) {
            try await waitUntil("the other batches delivered") { channel.stats.delivered == 20 }
        }
        await receiver.stop()
        #expect(channel.stats.rejected == 10 && channel.stats.retried == 0)
        #expect(try Self.decoded(receiver.accepted).map(\.1) == Self.samples(30).dropFirst(10).map(\.sample))
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let receiver = try await Receiver.start(answers: [(429, "1")])
        let channel = try Self.channel(receiver.url)
        let payloads = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 100)
        try channel.enqueue(payloads.payloads(Self.samples(5)))
        let clock = ContinuousClock()
        let start = clock.now
        try await Self.forwarding(channel) {
            try await waitUntil("delivery after Retry-After") { channel.stats.delivered == 5 }
        }
        await receiver.stop()
        // The backoff alone would retry after 20 ms; the receiver asked for a second.
        #expect(clock.now - start >= .milliseconds(950))
        #expect(receiver.received.map(\.status) == [429, 200])
    }

    @Test func dataWaitsOnDiskWhileNothingListensAndGoesWhenTheReceiverComes() async throws {
        // A port that refuses connections: no other test's server can be given it meanwhile.
        let refusing = try RefusingPort()
        let url = "http://127.0.0.1:\(refusing.port)/receive"
        let channel = try Self.channel(url)
        let payloads = RemoteWritePayloads(externalLabels: Labels([]), relabelRules: [], maxPerSend: 100)
        try channel.enqueue(payloads.payloads(Self.samples(40)))
        try await Self.forwarding(channel) {
            try await waitUntil("a few failed attempts") { channel.stats.retried >= 80 }
        }
        withExtendedLifetime(refusing) {}
        #expect(channel.queue.pending.count == 40 && channel.stats.delivered == 0)
        #expect(channel.stats.rejected == 0 && channel.stats.lastError != nil)
        // The same queue file, a new forwarder (as after a restart), a receiver at last.
        let receiver = try await Receiver.start()
        let reopened = try OutboxQueue(path: channel.queue.path, maxBytes: channel.queue.maxBytes)
        let moved = ForwardChannel(destination: ForwardDestination(name: "test", url: receiver.url, format: .remoteWrite,
                                                                   batchSendDeadline: .milliseconds(50)),
                                   queue: reopened)
        try await Self.forwarding(moved) {
            try await waitUntil("the backlog delivered") { moved.stats.delivered == 40 }
        }
        await receiver.stop()
        #expect(try Self.decoded(receiver.accepted).map(\.1) == Self.samples(40).map(\.sample))
    }

    @Test func spansGoAsOneZipkinJSONListPerRequest() async throws {
        let receiver = try await Receiver.start(success: 202)
        let channel = try Self.channel(receiver.url, format: .zipkinJSON, maxPerSend: 4)
        let spans = try (0..<6).map { index in
            try Span(traceId: "463ac35c9f6413ad48485a3953bb6124", id: String(format: "%016x", index + 1),
                     name: "op \(index)", timestamp: 1_700_000_000_000_000 + Int64(index), duration: 10,
                     localEndpoint: try Endpoint(serviceName: "svc"))
        }
        try channel.enqueue(ZipkinPayloads(format: .zipkinJSON, maxPerSend: 4).payloads(Array(spans[0..<3])))
        try channel.enqueue(ZipkinPayloads(format: .zipkinJSON, maxPerSend: 4).payloads(Array(spans[3...])))
        try await Self.forwarding(channel) {
            try await waitUntil("spans delivered") { channel.stats.delivered == 6 }
        }
        await receiver.stop()
        #expect(receiver.accepted.first?.headers["content-type"] == "application/json")
        let received = try receiver.accepted.flatMap { try SpanJSONDecoder.decodeList($0.body) }
        #expect(received == spans)
        // Payloads are joined while they fit: 3 spans, then 3 (4 would split a payload).
        #expect(receiver.accepted.count == 2)
    }

    @Test func spansAsProto3ConcatenateIntoOneList() async throws {
        let receiver = try await Receiver.start(success: 202)
        let channel = try Self.channel(receiver.url, format: .zipkinProto3, maxPerSend: 10)
        let spans = try (0..<4).map { index in
            try Span(traceId: "00000000000000010000000000000002", id: String(format: "%016x", index + 1),
                     name: "op", timestamp: 1_700_000_000_000_000, duration: 5, localEndpoint: try Endpoint(serviceName: "a"))
        }
        let payloads = ZipkinPayloads(format: .zipkinProto3, maxPerSend: 2).payloads(spans)
        #expect(payloads.count == 2)
        try channel.enqueue(payloads)
        try await Self.forwarding(channel) {
            try await waitUntil("spans delivered") { channel.stats.delivered == 4 }
        }
        await receiver.stop()
        #expect(receiver.accepted.count == 1)
        #expect(receiver.accepted.first?.headers["content-type"] == "application/x-protobuf")
        #expect(try SpanProtoDecoder.decodeList(receiver.accepted[0].body) == spans)
    }
}
