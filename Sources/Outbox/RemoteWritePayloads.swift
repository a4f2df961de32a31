import MeshMetrics
import RemoteWrite

/// Turns appended samples into queue payloads for one remote-write destination: the
/// collector's external labels added (a series' own label wins, as in Prometheus),
/// `write_relabel_configs` applied (a series they drop is not sent), then `WriteRequest`
/// fragments of at most `maxPerSend` samples each, in append order.
public struct RemoteWritePayloads: Sendable {
    public let externalLabels: Labels
    public let relabelRules: [RelabelRule]
    public let maxPerSend: Int

    public init(externalLabels: Labels, relabelRules: [RelabelRule], maxPerSend: Int) {
        self.externalLabels = externalLabels
        self.relabelRules = relabelRules
        self.maxPerSend = max(1, maxPerSend)
    }

    /// The series as sent, or nil when a rule drops it.
    public func outgoingLabels(_ labels: Labels) -> Labels? {
        var labels = labels
        for pair in externalLabels.pairs where labels[pair.name] == nil {
            labels = labels.setting(pair.name, pair.value)
        }
        if relabelRules.isEmpty { return labels }
        return Relabeler.process(labels, relabelRules)
    }

    /// Payloads for one committed append. Samples of one series that follow each other
    /// share a `TimeSeries`; order within a series is kept.
    public func payloads(_ samples: some Sequence<(labels: Labels, sample: Sample, exemplar: Exemplar?)>)
        -> [(payload: [UInt8], count: Int)] {
        var out: [(payload: [UInt8], count: Int)] = []
        var buffer: [UInt8] = []
        var inBuffer = 0
        var series: RemoteTimeSeries?
        func flushSeries() {
            if let current = series { WriteRequestEncoder.encode(series: current, into: &buffer) }
            series = nil
        }
        func flushPayload() {
            flushSeries()
            if inBuffer > 0 { out.append((buffer, inBuffer)) }
            buffer = []
            inBuffer = 0
        }
        for (labels, sample, exemplar) in samples {
            guard let sent = outgoingLabels(labels) else { continue }
            if inBuffer == maxPerSend { flushPayload() }
            if series?.labels != sent {
                flushSeries()
                series = RemoteTimeSeries(labels: sent, samples: [], exemplars: [])
            }
            series?.samples.append(sample)
            if let exemplar {
                var stamped = exemplar
                // An exemplar without its own time is as old as its sample.
                if stamped.timestamp == nil { stamped.timestamp = sample.timestamp }
                series?.exemplars.append(stamped)
            }
            inBuffer += 1
        }
        flushPayload()
        return out
    }
}
