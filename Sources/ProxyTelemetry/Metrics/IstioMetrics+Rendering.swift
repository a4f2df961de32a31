import MeshMetrics

/// The exposition of `IstioMetrics`, as Envoy's `/stats/prometheus` serves it.
extension IstioMetrics {
    /// Prometheus text format 0.0.4 (no exemplars: the format has none).
    public func renderPrometheus() -> String {
        var writer = MetricsTextWriter(openMetrics: false)
        write(into: &writer)
        return writer.string
    }

    /// OpenMetrics 1.0 with `trace_id` exemplars on the duration buckets, ending in `# EOF`.
    public func renderOpenMetrics() -> String {
        var writer = MetricsTextWriter(openMetrics: true)
        write(into: &writer)
        writer.finish()
        return writer.string
    }

    /// Writes every family, without the OpenMetrics terminator (callers that append more
    /// families, like the facade, finish the writer themselves).
    func write(into writer: inout MetricsTextWriter) {
        let s = state.withLock { $0 }
        writer.family("istio_build", type: .gauge, help: "Istio component build info")
        writer.sample("istio_build", names: ["component", "tag"], values: ["proxy", buildTag], value: 1)

        writer.family("istio_requests_total", type: .counter,
                      help: "Total number of requests handled by the proxy")
        for (key, value) in s.requests.sorted(by: { $0.key < $1.key }) {
            writer.sample("istio_requests_total", names: IstioLabels.http, values: key.values, value: Double(value))
        }
        histogram(&writer, "istio_request_duration_milliseconds", "Duration of requests in milliseconds",
                  unit: "milliseconds", s.duration)
        histogram(&writer, "istio_request_bytes", "Sizes of HTTP request bodies in bytes", unit: "bytes", s.requestBytes)
        histogram(&writer, "istio_response_bytes", "Sizes of HTTP response bodies in bytes", unit: "bytes", s.responseBytes)

        counter(&writer, "istio_tcp_sent_bytes_total", "Bytes sent during the response on a TCP connection",
                unit: "bytes", s.tcpSent)
        counter(&writer, "istio_tcp_received_bytes_total", "Bytes received during the request on a TCP connection",
                unit: "bytes", s.tcpReceived)
        counter(&writer, "istio_tcp_connections_opened_total", "Number of TCP connections opened", s.tcpOpened)
        counter(&writer, "istio_tcp_connections_closed_total", "Number of TCP connections closed", s.tcpClosed)
    }

    private func counter(_ writer: inout MetricsTextWriter, _ name: String, _ help: String, unit: String = "",
                         _ series: [SeriesKey: UInt64]) {
        guard !series.isEmpty else { return }
        writer.family(name, type: .counter, help: help, unit: unit)
        for (key, value) in series.sorted(by: { $0.key < $1.key }) {
            writer.sample(name, names: IstioLabels.tcp, values: key.values, value: Double(value))
        }
    }

    private func histogram(_ writer: inout MetricsTextWriter, _ name: String, _ help: String, unit: String,
                           _ series: [SeriesKey: HistogramSeries]) {
        guard !series.isEmpty else { return }
        writer.family(name, type: .histogram, help: help, unit: unit)
        let bounds = buckets.map { writer.bound($0) } + ["+Inf"]
        for (key, h) in series.sorted(by: { $0.key < $1.key }) {
            let cumulative = h.cumulative
            for (i, bound) in bounds.enumerated() {
                writer.sample(name + "_bucket", names: IstioLabels.http, values: key.values, extra: ("le", bound),
                              value: Double(cumulative[i]), exemplar: h.exemplars[i])
            }
            writer.sample(name + "_sum", names: IstioLabels.http, values: key.values, value: h.sum)
            writer.sample(name + "_count", names: IstioLabels.http, values: key.values, value: Double(h.count))
        }
    }
}
