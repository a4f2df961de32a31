import ArgumentParser
import Config
import Foundation
import Logging
import MeshMetrics
import Outbox
import Storage
import Traces

/// `meshscope bench forward`: remote write to a real Prometheus and span forwarding to a
/// second MeshScope, with a receiver outage in the middle; prints what was sent,
/// delivered and retried, and checks the receivers hold every sample and span.
struct BenchForwardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward",
        abstract: "Remote write to Prometheus and span forwarding to MeshScope across a receiver outage.",
        discussion: """
            Opens a metrics store and a span store in a fresh directory with one remote_write destination (a \
            Prometheus child with --web.enable-remote-write-receiver) and one span_forwarding destination (a \
            MeshScope child), all on 127.0.0.1. Phase 1 appends half the scrapes and spans with both receivers up and \
            times delivery; phase 2 stops both receivers and appends the other half (the queues fill and retry); \
            phase 3 restarts the receivers and times the backlog's delivery. Finally it counts the samples in \
            Prometheus and the spans in the receiving MeshScope: both must equal what was stored.
            """)

    @Option(help: "Series per scrape.")
    var series = 10_000

    @Option(help: "Scrapes (one sample per series each, 1 s apart).")
    var scrapes = 40

    @Option(help: "Spans in all (whole traces), half before the outage and half during it.")
    var spans = 100_000

    @Option(help: "Seconds the receivers stay down in phase 2 (after the appends).")
    var outageSeconds = 5

    @Option(help: "queue_config.batch_send_deadline in ms (Prometheus' default is 5000; a short one shows throughput).")
    var deadlineMilliseconds = 200

    @Option(help: "Prometheus binary (the receiver).")
    var prometheus = "/usr/bin/prometheus"

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var workDir: String?

    func validate() throws {
        guard series > 0, scrapes >= 2, spans >= 20 else { throw ValidationError("--series > 0, --scrapes >= 2, --spans >= 20") }
        guard FileManager.default.isExecutableFile(atPath: prometheus) else {
            throw ValidationError("\(prometheus) not found: apt-get install -y prometheus, or pass --prometheus")
        }
    }

    func run() async throws {
        let directory = workDir ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-fbench-\(getpid())")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        print("machine: \(MachineInfo.summary)")
        let receivers = try await ForwardBenchReceivers.start(directory: directory, prometheus: prometheus)
        defer { receivers.stop() }
        var logger = Logger(label: "meshscope.bench.forward")
        logger.logLevel = .error
        let senderDir = (directory as NSString).appendingPathComponent("sender")
        let config = try MeshScopeConfig.parse(yaml: """
            server: {data_dir: \(senderDir)}
            remote_write:
              - url: "\(receivers.remoteWriteURL)"
                name: prometheus
                queue_config: {batch_send_deadline: \(deadlineMilliseconds)ms}
            span_forwarding:
              - url: "\(receivers.zipkinURL)"
                name: meshscope
                queue_config: {batch_send_deadline: \(deadlineMilliseconds)ms}
            """, source: "bench")
        let store = try MetricsStore(directory: senderDir, logger: logger)
        let traces = try TraceStore(directory: senderDir, logger: logger)
        let forwarding = try Forwarding.start(config, store: store, traces: traces, logger: logger)
        let tasks = forwarding.services.map { forwarder in Task { try await forwarder.run() } }
        defer { for task in tasks { task.cancel() } }
        let samples = forwarding.channels[0], spansOut = forwarding.channels[1]

        let workload = try ForwardBenchWorkload(series: series, scrapes: scrapes, spans: spans)
        print("workload: \(series) series x \(scrapes) scrapes = \(series * scrapes) samples; \(workload.traceBatches.joined().count) spans")

        // Baseline: the same appends into stores nobody forwards from, for the cost of queueing.
        let clock = ContinuousClock()
        let baselineDir = (directory as NSString).appendingPathComponent("baseline")
        var start = clock.now
        try await workload.append(half: 0, store: try MetricsStore(directory: baselineDir, logger: logger),
                                  traces: try TraceStore(directory: baselineDir, logger: logger))
        let baselineTime = clock.now - start
        print("baseline (no forwarding): stored \(workload.samples(half: 0)) samples + \(workload.spans(half: 0)) spans "
            + "in \(Format.seconds(baselineTime.seconds))")

        // Phase 1: receivers up.
        start = clock.now
        try await workload.append(half: 0, store: store, traces: traces)
        let appendTime = clock.now - start
        try await waitFor("phase 1 delivery") { samples.queue.pending.items == 0 && spansOut.queue.pending.items == 0 }
        let liveTime = clock.now - start
        let phase1 = (samples.stats, spansOut.stats)
        print("phase 1 (receivers up): stored and queued \(workload.samples(half: 0)) samples + \(workload.spans(half: 0)) spans "
            + "in \(Format.seconds(appendTime.seconds)) (\(String(format: "%.2f", appendTime.seconds / baselineTime.seconds))x the baseline); all delivered after \(Format.seconds(liveTime.seconds)): "
            + "\(Format.rate(Double(phase1.0.delivered) / liveTime.seconds)) samples/s, "
            + "\(Format.rate(Double(phase1.1.delivered) / liveTime.seconds)) spans/s; "
            + "\(phase1.0.requests) + \(phase1.1.requests) requests")

        // Phase 2: outage.
        receivers.stopAll()
        try await workload.append(half: 1, store: store, traces: traces)
        try await Task.sleep(for: .seconds(outageSeconds))
        print("phase 2 (receivers down \(outageSeconds)s): queued \(samples.queue.pending.count) samples "
            + "(\(Format.bytes(Int64(samples.queue.pending.bytes))) on disk) and \(spansOut.queue.pending.count) spans "
            + "(\(Format.bytes(Int64(spansOut.queue.pending.bytes)))); retried so far \(samples.stats.retried) samples, "
            + "\(spansOut.stats.retried) spans")

        // Phase 3: receivers back; the backlog drains.
        try await receivers.restart()
        start = clock.now
        try await waitFor("backlog delivery") { samples.queue.pending.items == 0 && spansOut.queue.pending.items == 0 }
        let drainTime = clock.now - start
        let end = (samples.stats, spansOut.stats)
        print("phase 3 (receivers back): backlog of \(end.0.delivered - phase1.0.delivered) samples and "
            + "\(end.1.delivered - phase1.1.delivered) spans delivered in \(Format.seconds(drainTime.seconds)): "
            + "\(Format.rate(Double(end.0.delivered - phase1.0.delivered) / drainTime.seconds)) samples/s, "
            + "\(Format.rate(Double(end.1.delivered - phase1.1.delivered) / drainTime.seconds)) spans/s")
        for (signal, stats) in [("samples", end.0), ("spans", end.1)] {
            print("\(signal): enqueued \(stats.enqueued), delivered \(stats.delivered), retried \(stats.retried), "
                + "rejected \(stats.rejected), dropped \(stats.dropped), requests \(stats.requests)")
        }
        let inPrometheus = try await receivers.samplesInPrometheus()
        let inMeshScope = try await receivers.spansInMeshScope()
        let storedSamples = workload.samples(half: 0) + workload.samples(half: 1)
        let storedSpans = workload.spans(half: 0) + workload.spans(half: 1)
        print("receivers: Prometheus holds \(inPrometheus) of \(storedSamples) samples, "
            + "the receiving MeshScope \(inMeshScope) of \(storedSpans) spans: "
            + (inPrometheus == storedSamples && inMeshScope == storedSpans ? "nothing lost" : "MISMATCH"))
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.result }
        await forwarding.shutdown()
        if inPrometheus != storedSamples || inMeshScope != storedSpans { throw CommandFailure("data lost across the outage") }
    }

    private func waitFor(_ what: String, timeout: Duration = .seconds(600), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now > deadline { throw CommandFailure("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
