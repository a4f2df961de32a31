/// Which of the accepted JSON shapes a record came in.
public enum AccessLogShape: Int, Sendable, Hashable, CaseIterable {
    /// Istio's default JSON (`start_time`, `response_code`, `upstream_cluster`, ...): flat keys.
    case istio = 0
    /// The nested record: `source`, `destination`, `request` (with `headers`), `response`, `tls` objects.
    case nested = 1
    /// A custom Envoy `json_format` such as `timestamp`, `method`, `path`, `status`, `duration`, `trace_id`.
    case envoyCustom = 2
}
