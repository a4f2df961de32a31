import Foundation

/// When a workload certificate is renewed. Pure: times in, times out.
///
/// A certificate received at `receivedAt` and valid until `notAfter` is renewed at
/// `receivedAt + fraction × (notAfter − receivedAt)` (Istio's `SECRET_GRACE_PERIOD_RATIO`
/// is 0.5). The lifetime is counted from receipt, not from NotBefore, which the CA
/// backdates. A failed attempt is retried after `minimumRetry`, doubling up to
/// `maximumRetry`, but never later than half the time left before expiry.
public struct RotationSchedule: Sendable, Hashable {
    public var fraction: Double
    public var minimumRetry: TimeInterval
    public var maximumRetry: TimeInterval

    public init(fraction: Double = 0.5, minimumRetry: TimeInterval = 0.2, maximumRetry: TimeInterval = 30) {
        self.fraction = min(max(fraction, 0.05), 0.95)
        self.minimumRetry = minimumRetry
        self.maximumRetry = max(maximumRetry, minimumRetry)
    }

    public func renewal(receivedAt: Date, notAfter: Date) -> Date {
        let lifetime = max(0, notAfter.timeIntervalSince(receivedAt))
        return receivedAt.addingTimeInterval(lifetime * fraction)
    }

    /// The next attempt after `failures` consecutive failures (1 for the first).
    /// `notAfter` is the expiry of the certificate in use, nil when there is none yet.
    public func retry(after failures: Int, now: Date, notAfter: Date?) -> Date {
        let exponent = Double(min(max(failures - 1, 0), 30))
        var delay = min(minimumRetry * pow(2, exponent), maximumRetry)
        if let notAfter {
            let left = notAfter.timeIntervalSince(now)
            if left > 0 { delay = min(delay, max(minimumRetry, left / 2)) } else { delay = minimumRetry }
        }
        return now.addingTimeInterval(delay)
    }
}
