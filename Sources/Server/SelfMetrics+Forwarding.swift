import MeshMetrics
import Outbox
import Scrape

extension SelfMetrics {
    /// Per destination of `remote_write` and `span_forwarding`: samples or spans queued,
    /// delivered, retried, rejected and dropped, what waits on disk, and the last delivery.
    func renderForwarding(_ writer: inout ExpositionWriter) {
        if forwarding.isEmpty { return }
        let rows = forwarding.map { channel in
            (labels: ["destination": channel.destination.name, "url": channel.destination.url,
                      "signal": channel.destination.signal],
             stats: channel.stats, pending: channel.queue.pending)
        }
        var outcomes: [([String: String], Double)] = []
        for row in rows {
            for (outcome, value) in [("enqueued", row.stats.enqueued), ("delivered", row.stats.delivered),
                                     ("retried", row.stats.retried), ("rejected", row.stats.rejected),
                                     ("dropped", row.stats.dropped)] {
                outcomes.append((row.labels.merging(["outcome": outcome]) { $1 }, Double(value)))
            }
        }
        counter(&writer, "meshscope_forward_items_total",
                "Samples or spans handed to a forwarding queue, by outcome (retried counts each retry).", outcomes)
        counter(&writer, "meshscope_forward_requests_total", "HTTP requests made to the destination.",
                rows.map { ($0.labels, Double($0.stats.requests)) })
        gauge(&writer, "meshscope_forward_pending_items", "Samples or spans in the on-disk queue, not yet delivered.",
              rows.map { ($0.labels, Double($0.pending.count)) })
        gauge(&writer, "meshscope_forward_queue_bytes", "Bytes of queued payloads on disk.",
              rows.map { ($0.labels, Double($0.pending.bytes)) })
        gauge(&writer, "meshscope_forward_last_delivery_timestamp_seconds", "When the destination last acknowledged data.",
              rows.map { ($0.labels, Double($0.stats.lastDeliveryMilliseconds) / 1000) })
    }

    /// Per discovery entry: lists made and failed (a failed list keeps the old targets),
    /// and the targets of the last good list, as Prometheus' `prometheus_sd_*` families.
    func renderDiscovery(_ writer: inout ExpositionWriter, _ entries: [DiscoveryStatistics]) {
        if entries.isEmpty { return }
        func rows(_ value: (DiscoveryStatistics) -> Int) -> [([String: String], Double)] {
            entries.map { (["job": $0.job, "mechanism": $0.mechanism], Double(value($0))) }
        }
        counter(&writer, "meshscope_sd_refreshes_total", "Successful target lists from service discovery.", rows(\.refreshes))
        counter(&writer, "meshscope_sd_refresh_failures_total", "Failed target lists (the previous targets were kept).",
                rows(\.failures))
        gauge(&writer, "meshscope_sd_discovered_targets", "Targets in the last good list, before relabelling.", rows(\.targets))
    }
}
