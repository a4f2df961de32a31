/// Where access-log lines go.
public enum AccessLogOutput: Sendable, Hashable {
    /// Standard output, as Istio's `/dev/stdout` default.
    case stdout
    /// Appended to a file (created if missing; `O_APPEND`, so copy-truncate rotation works).
    case file(String)
}
