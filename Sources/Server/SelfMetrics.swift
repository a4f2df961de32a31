import MeshMetrics
import Outbox
import ProcessMetrics
import Scrape
import Storage

/// MeshScope's own health as text exposition for `GET /metrics`.
struct SelfMetrics {
    let store: MetricsStore
    let traces: TraceStore?
    let logs: LogStore?
    let board: ScrapeStatusBoard?
    let http: HTTPRequestMetrics
    var forwarding: [ForwardChannel] = []
    var discovery: @Sendable () async -> [DiscoveryStatistics] = { [] }
    /// Auth and rate-limit counters (`+Security`); nil renders zeros.
    var security: ListenerSecurity?
    let version: String

    func render() async -> [UInt8] {
        var writer = ExpositionWriter()
        gauge(&writer, "meshscope_build_info", "A metric with a constant '1' value labeled by version.",
              [(["version": version], 1)])
        let stats = await store.statistics()
        let metrics = ["signal": "metrics"]
        counter(&writer, "meshscope_storage_samples_appended_total", "Samples committed to storage since start.",
                [(metrics, Double(stats.samplesAppended))])
        gauge(&writer, "meshscope_storage_series", "Series held in storage.", [(metrics, Double(stats.series))])
        gauge(&writer, "meshscope_storage_chunks", "Sample chunks held in storage.", [(metrics, Double(stats.chunks))])
        let traceStats = await traces?.statistics()
        var bytes = [(metrics, Double(stats.bytesOnDisk))]
        if let traceStats {
            let signal = ["signal": "traces"]
            counter(&writer, "meshscope_storage_spans_appended_total", "Spans committed to storage since start.",
                    [(signal, Double(traceStats.spansAppended))])
            gauge(&writer, "meshscope_storage_spans", "Spans held in storage.", [(signal, Double(traceStats.spans))])
            bytes.append((signal, Double(traceStats.bytesOnDisk)))
        }
        if let logStats = await logs?.statistics() {
            let signal = ["signal": "logs"]
            counter(&writer, "meshscope_storage_records_appended_total", "Access-log records committed since start.",
                    [(signal, Double(logStats.recordsAppended))])
            gauge(&writer, "meshscope_storage_records", "Access-log records held in storage.", [(signal, Double(logStats.records))])
            gauge(&writer, "meshscope_storage_fulltext_pending", "Records not yet in the full-text index (searches still find them).",
                  [(signal, Double(logStats.pendingFullText))])
            bytes.append((signal, Double(logStats.bytesOnDisk)))
        }
        gauge(&writer, "meshscope_storage_bytes", "Bytes on disk per signal database, WAL included.", bytes)
        if let board {
            let targets = await board.all()
            func perTarget(_ value: (TargetHealth) -> Double) -> [([String: String], Double)] {
                targets.map { (["job": $0.target.job, "instance": $0.target.labels["instance"] ?? $0.target.address], value($0)) }
            }
            gauge(&writer, "meshscope_scrape_targets", "Configured scrape targets.", [([:], Double(targets.count))])
            gauge(&writer, "meshscope_target_up", "1 when the target's last scrape succeeded.",
                  perTarget { $0.state == .up ? 1 : 0 })
            gauge(&writer, "meshscope_target_scrape_duration_seconds", "Duration of the target's last scrape.",
                  perTarget { $0.lastDurationSeconds })
            gauge(&writer, "meshscope_target_samples_scraped", "Samples in the target's last scrape.",
                  perTarget { Double($0.samplesScraped) })
        }
        renderHTTP(&writer)
        renderForwarding(&writer)
        renderDiscovery(&writer, await discovery())
        await renderSecurity(&writer)
        let process = ProcessStats.current()
        gauge(&writer, "process_resident_memory_bytes", "Resident memory size in bytes.",
              [([:], Double(process.residentMemoryBytes ?? 0))])
        gauge(&writer, "process_virtual_memory_bytes", "Virtual memory size in bytes.",
              [([:], Double(process.virtualMemoryBytes ?? 0))])
        counter(&writer, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                [([:], process.cpuSeconds ?? 0)])
        gauge(&writer, "process_open_fds", "Number of open file descriptors.", [([:], Double(process.openFDs ?? 0))])
        gauge(&writer, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
              [([:], process.startTimeSeconds ?? 0)])
        return writer.bytes
    }

    private func renderHTTP(_ writer: inout ExpositionWriter) {
        let table = http.snapshot()
        counter(&writer, "meshscope_http_requests_total", "HTTP requests served, by route, method and status code.",
                table.sorted { "\($0.key)" < "\($1.key)" }.map { key, value in
                    (["route": key.route, "method": key.method, "code": String(key.code)], Double(value.count))
                })
        var perRoute: [String: (method: String, route: String, histogram: HTTPRequestMetrics.Histogram)] = [:]
        for (key, value) in table {
            var entry = perRoute[key.method + " " + key.route] ?? (key.method, key.route, HTTPRequestMetrics.Histogram())
            for index in value.buckets.indices { entry.histogram.buckets[index] += value.buckets[index] }
            entry.histogram.count += value.count
            entry.histogram.sum += value.sum
            perRoute[key.method + " " + key.route] = entry
        }
        let name = "meshscope_http_request_duration_seconds"
        writer.family(name: name, metadata: MetricMetadata(type: .histogram, help: "HTTP request latency by route."))
        for key in perRoute.keys.sorted() {
            let entry = perRoute[key]!
            let base = ["route": entry.route, "method": entry.method]
            for (index, bound) in HTTPRequestMetrics.bucketBounds.enumerated() {
                writer.sample(labels: labels(name + "_bucket", base.merging(["le": GoFloatFormat.string(bound)]) { $1 }),
                              value: Double(entry.histogram.buckets[index]), timestamp: nil)
            }
            writer.sample(labels: labels(name + "_bucket", base.merging(["le": "+Inf"]) { $1 }),
                          value: Double(entry.histogram.count), timestamp: nil)
            writer.sample(labels: labels(name + "_sum", base), value: entry.histogram.sum, timestamp: nil)
            writer.sample(labels: labels(name + "_count", base), value: Double(entry.histogram.count), timestamp: nil)
        }
    }

    func gauge(_ writer: inout ExpositionWriter, _ name: String, _ help: String, _ values: [([String: String], Double)]) {
        family(&writer, name, .gauge, help, values)
    }

    func counter(_ writer: inout ExpositionWriter, _ name: String, _ help: String, _ values: [([String: String], Double)]) {
        family(&writer, name, .counter, help, values)
    }

    private func family(_ writer: inout ExpositionWriter, _ name: String, _ type: MetricType, _ help: String,
                        _ values: [([String: String], Double)]) {
        writer.family(name: name, metadata: MetricMetadata(type: type, help: help))
        for (labelValues, value) in values {
            writer.sample(labels: labels(name, labelValues), value: value, timestamp: nil)
        }
    }

    private func labels(_ name: String, _ values: [String: String]) -> Labels {
        Labels(name: name, values)
    }
}
