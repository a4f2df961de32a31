import Foundation

/// How one delivery attempt ended, and what the queue does about it.
public enum DeliveryOutcome: Sendable, Hashable {
    /// 2xx: the data is the receiver's now; remove it from the queue.
    case delivered
    /// The receiver is away or overloaded (connection error, timeout, 5xx, 429 when
    /// retrying on 429): keep the data and try again after a backoff.
    case retry(reason: String, retryAfter: Duration?)
    /// The receiver will never take this data (400 malformed, 401/403, 413, other 4xx):
    /// drop it, count it as failed, and go on with the rest, as Prometheus does.
    case rejected(reason: String)

    /// Classifies an HTTP answer. `retryOn429` is Prometheus' `retry_on_http_429`.
    public static func classify(status: Int, body: String, retryAfter: String?, retryOn429: Bool) -> DeliveryOutcome {
        let reason = "HTTP \(status)" + (body.isEmpty ? "" : ": \(body.prefix(256))")
        switch status {
        case 200..<300:
            return .delivered
        case 429 where retryOn429, 500..<600:
            return .retry(reason: reason, retryAfter: parseRetryAfter(retryAfter))
        default:
            return .rejected(reason: reason)
        }
    }

    /// `Retry-After` in delta-seconds; an HTTP date is ignored (the computed backoff applies).
    static func parseRetryAfter(_ header: String?) -> Duration? {
        guard let header, let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
