/// The retry logic of one request, as Envoy applies an Istio `HTTPRetry`: which outcomes
/// are retried, how many times, with what backoff, within the per-try and overall
/// timeouts. Time is explicit (`now`, any monotonic origin), so tests need no clock.
///
/// Use: `startAttempt` before each attempt (it gives the `x-envoy-attempt-count` value and
/// the attempt's deadline), then `attemptEnded` with how it ended; on `.retry(after:)` wait
/// and start again, on `.finish` stop.
public struct RetryStateMachine: Sendable, Hashable {
    public enum Decision: Sendable, Hashable {
        /// Retry after this backoff.
        case retry(after: Duration)
        case finish(Finish)
    }

    public enum Finish: Sendable, Hashable {
        /// The outcome is final: not retriable under `retryOn` (a success, a 404...).
        case deliver
        /// Retriable, but no retries are left: deliver the last outcome (flag URX).
        case retriesExhausted
        /// The route's overall timeout passed: answer 504 (flag UT).
        case overallTimeout
    }

    public enum AttemptStart: Sendable, Hashable {
        /// Go ahead: send `x-envoy-attempt-count: number`, give up on it at `deadline`.
        case attempt(number: Int, deadline: Duration?)
        case overallTimeout
    }

    private enum State: Sendable, Hashable {
        case ready
        case attempting
        case finished
    }

    /// Envoy's default backoff: 25ms base, fully jittered, at most 250ms.
    public static let baseBackoff = Duration.milliseconds(25)
    public static let maximumBackoff = Duration.milliseconds(250)

    public let policy: HTTPRetry
    /// Absolute time after which the request as a whole has failed; nil without a timeout.
    public let overallDeadline: Duration?
    public private(set) var attempts = 0
    private var state = State.ready

    /// `timeout` is the route's overall timeout, counted from `start`.
    public init(policy: HTTPRetry, timeout: Duration?, start: Duration) {
        self.policy = policy
        overallDeadline = timeout.flatMap { $0 > .zero ? start + $0 : nil }
    }

    /// Retries sent so far (attempts after the first).
    public var retriesUsed: Int { max(0, attempts - 1) }

    public mutating func startAttempt(now: Duration) -> AttemptStart {
        if let overallDeadline, now >= overallDeadline {
            state = .finished
            return .overallTimeout
        }
        attempts += 1
        state = .attempting
        var deadline = overallDeadline
        if let perTry = policy.perTryTimeout, perTry > .zero {
            deadline = min(deadline ?? (now + perTry), now + perTry)
        }
        return .attempt(number: attempts, deadline: deadline)
    }

    /// Judges an attempt's outcome. Draws backoff jitter from `random`.
    public mutating func attemptEnded(_ outcome: UpstreamOutcome, now: Duration,
                                      using random: inout some RandomNumberGenerator) -> Decision {
        guard state == .attempting else { return .finish(.deliver) }
        state = .finished
        if let overallDeadline, now >= overallDeadline { return .finish(.overallTimeout) }
        guard isRetriable(outcome) else { return .finish(.deliver) }
        guard retriesUsed < policy.attempts else { return .finish(.retriesExhausted) }
        state = .ready
        var backoff = Self.backoff(retry: retriesUsed + 1, using: &random)
        if let overallDeadline { backoff = min(backoff, overallDeadline - now) }
        return .retry(after: backoff)
    }

    /// Whether `retryOn` covers an outcome (before counting attempts).
    public func isRetriable(_ outcome: UpstreamOutcome) -> Bool {
        policy.retryOn.contains { condition in
            switch (condition, outcome) {
            case (.serverError, .response(let status)): return (500...599).contains(status)
            case (.gatewayError, .response(let status)): return [502, 503, 504].contains(status)
            case (.retriable4xx, .response(let status)): return status == 409
            case (.statusCode(let code), .response(let status)): return code == status
            case (.serverError, _), (.gatewayError, _): return true
            case (.reset, .reset), (.reset, .connectFailure), (.reset, .refusedStream), (.reset, .perTryTimeout): return true
            case (.connectFailure, .connectFailure): return true
            case (.refusedStream, .refusedStream): return true
            default: return false
            }
        }
    }

    /// Envoy's fully jittered exponential backoff: retry n waits a uniform time in
    /// [0, (2^n - 1) × 25ms), at most 250ms.
    public static func backoff(retry: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let base = 25
        let exponent = min(max(retry, 1), 16)
        let ceiling = min(base * ((1 << exponent) - 1), 250)
        return .milliseconds(Int.random(in: 0..<ceiling, using: &random))
    }
}
