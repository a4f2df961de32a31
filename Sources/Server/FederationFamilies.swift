import MeshMetrics

/// Groups stored series into text-format 0.0.4 families with the stored HELP and TYPE.
/// OpenMetrics names a counter family `x` with samples `x_total`, and text 0.0.4 names it
/// `x_total`; histograms and summaries own their `_bucket`, `_sum` and `_count` series.
enum FederationFamilies {
    struct Family {
        var name: String
        var metadata: MetricMetadata
        var samples: [(labels: Labels, sample: Sample)] = []
    }

    static func group(_ samples: [(labels: Labels, sample: Sample)], metadata: [String: MetricMetadata]) -> [Family] {
        var families: [String: Family] = [:]
        for entry in samples {
            guard let name = entry.labels.metricName else { continue }
            let (familyName, familyMetadata) = family(of: name, metadata: metadata)
            families[familyName, default: Family(name: familyName, metadata: familyMetadata)].samples.append(entry)
        }
        return families.values.sorted { $0.name < $1.name }.map { family in
            var sorted = family
            sorted.samples.sort { lhs, rhs in
                let order = sampleOrder(lhs.labels, rhs.labels)
                return order
            }
            return sorted
        }
    }

    static func family(of name: String, metadata: [String: MetricMetadata]) -> (String, MetricMetadata) {
        if let exact = metadata[name] {
            switch exact.type {
            case .histogram, .gaugehistogram:
                break  // a sample named exactly like a histogram family is not one of its series
            case .info, .stateset:
                return (name, MetricMetadata(type: .gauge, help: exact.help, unit: exact.unit))
            default:
                return (name, exact)
            }
        }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if let parent = metadata[base] {
                let isHistogram = parent.type == .histogram || parent.type == .gaugehistogram
                if isHistogram || (parent.type == .summary && suffix != "_bucket") {
                    return (base, parent)
                }
            }
        }
        if name.hasSuffix("_total"), let parent = metadata[String(name.dropLast(6))], parent.type == .counter {
            return (name, parent)
        }
        if name.hasSuffix("_info"), let parent = metadata[String(name.dropLast(5))], parent.type == .info {
            return (name, MetricMetadata(type: .gauge, help: parent.help, unit: parent.unit))
        }
        // No stored metadata (e.g. `up`): untyped, as Prometheus' own federation writes.
        return (name, metadata[name].map { MetricMetadata(type: .unknown, help: $0.help) } ?? MetricMetadata())
    }

    /// Within a family: by metric name, then by labels with `le`/`quantile` compared
    /// numerically so buckets come out in ascending order.
    private static func sampleOrder(_ lhs: Labels, _ rhs: Labels) -> Bool {
        let lhsName = lhs.metricName ?? "", rhsName = rhs.metricName ?? ""
        if lhsName != rhsName { return lhsName < rhsName }
        let lhsRest = lhs.removing("le").removing("quantile"), rhsRest = rhs.removing("le").removing("quantile")
        if lhsRest != rhsRest { return lhsRest < rhsRest }
        let lhsBound = Double(lhs["le"] ?? lhs["quantile"] ?? "") ?? 0
        let rhsBound = Double(rhs["le"] ?? rhs["quantile"] ?? "") ?? 0
        return lhsBound < rhsBound
    }
}
