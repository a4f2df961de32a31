/// Upstream stats as Envoy serves them: `/stats/prometheus` (`envoy_cluster_<stat>` with the
/// cluster in `cluster_name`, as Istio's bootstrap tags it) and plain `/stats`
/// (`cluster.<name>.<stat>: <value>`, sorted by name).
extension UpstreamStats {
    public func renderPrometheus() -> String {
        var writer = MetricsTextWriter(openMetrics: false)
        write(into: &writer)
        return writer.string
    }

    /// Envoy's `/stats` lines for every cluster, sorted as Envoy sorts them.
    public func plainText() -> String {
        var lines: [String] = []
        for (cluster, stats) in snapshot {
            for entry in stats.entries { lines.append("cluster.\(cluster).\(entry.name): \(entry.value)") }
        }
        lines.sort()
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// Families sorted by name, series by cluster. The class stats become one family with
    /// the class as a label, as Istio's stats tags extract it:
    /// `envoy_cluster_upstream_rq_xx{cluster_name="...",response_code_class="2xx"}`.
    func write(into writer: inout MetricsTextWriter) {
        struct Series { var labels: [(String, String)]; var value: Int64 }
        var families: [String: (counter: Bool, series: [Series])] = [:]
        for (cluster, stats) in snapshot {
            for entry in stats.entries {
                var name = "envoy_cluster_" + entry.name.replacingDots
                var labels = [("cluster_name", cluster)]
                if let code = Self.codeSuffix(entry.name) {
                    // Per-code counts stay in `/stats`: as a family `envoy_cluster_upstream_rq`
                    // they would clash in OpenMetrics with `envoy_cluster_upstream_rq_total`.
                    guard code.hasSuffix("xx") else { continue }
                    name = "envoy_cluster_upstream_rq_xx"
                    labels.append(("response_code_class", code))
                }
                families[name, default: (entry.counter, [])].series.append(Series(labels: labels, value: entry.value))
            }
        }
        for name in families.keys.sorted() {
            let family = families[name]!
            writer.family(name, type: family.counter ? .counter : .gauge, help: Self.help(name))
            let series = family.series.sorted { $0.labels.map(\.1).lexicographicallyPrecedes($1.labels.map(\.1)) }
            for s in series {
                writer.sample(name, names: s.labels.map(\.0), values: s.labels.map(\.1), value: Double(s.value))
            }
        }
    }

    /// `2xx` or `200` from `upstream_rq_2xx` / `upstream_rq_200`.
    private static func codeSuffix(_ stat: String) -> String? {
        guard stat.hasPrefix("upstream_rq_") else { return nil }
        let tail = stat.dropFirst("upstream_rq_".count)
        guard tail.count == 3, let first = tail.first, first.isNumber else { return nil }
        let rest = tail.dropFirst()
        if rest == "xx" || rest.allSatisfy(\.isNumber) { return String(tail) }
        return nil
    }

    private static func help(_ name: String) -> String {
        switch name {
        case "envoy_cluster_upstream_rq_total": "Total requests sent to the cluster"
        case "envoy_cluster_upstream_rq_completed": "Total requests that completed"
        case "envoy_cluster_upstream_rq_xx": "Requests by response code class"
        case "envoy_cluster_upstream_rq_retry": "Total request retries"
        case "envoy_cluster_upstream_rq_timeout": "Total requests that timed out waiting for a response"
        case "envoy_cluster_upstream_rq_pending_overflow": "Requests that overflowed the pending or request circuit breaker"
        case "envoy_cluster_upstream_cx_overflow": "Connections refused by the connection circuit breaker"
        case "envoy_cluster_upstream_rq_retry_overflow": "Retries not sent because of the retry circuit breaker"
        case "envoy_cluster_upstream_cx_total": "Total connections opened"
        case "envoy_cluster_upstream_cx_destroy": "Total connections closed"
        case "envoy_cluster_outlier_detection_ejections_total": "Total outlier ejections"
        case "envoy_cluster_upstream_rq_active": "Requests in flight"
        case "envoy_cluster_upstream_cx_active": "Open connections"
        case "envoy_cluster_outlier_detection_ejections_active": "Endpoints ejected now"
        default: "Envoy cluster stat"
        }
    }
}

extension String {
    /// Envoy's Prometheus names replace the `.` of a stat path with `_`.
    var replacingDots: String { String(map { $0 == "." ? "_" : $0 }) }
}
