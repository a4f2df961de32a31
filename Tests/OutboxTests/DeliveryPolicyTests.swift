import Outbox
import Testing

@Suite struct DeliveryPolicyTests {
    @Test func backoffDoublesUpToTheMaximumAndResets() {
        var backoff = DeliveryBackoff(minimum: .milliseconds(30), maximum: .milliseconds(200))
        let delays = (0..<5).map { _ in backoff.failed() }
        #expect(delays == [.milliseconds(30), .milliseconds(60), .milliseconds(120), .milliseconds(200), .milliseconds(200)])
        #expect(backoff.consecutiveFailures == 5)
        backoff.succeeded()
        #expect(backoff.failed() == .milliseconds(30))
    }

    @Test func retryAfterReplacesTheDelayUpToFiveMinutes() {
        var backoff = DeliveryBackoff(minimum: .milliseconds(30), maximum: .seconds(5))
        #expect(backoff.failed(retryAfter: .seconds(2)) == .seconds(2))
        #expect(backoff.failed(retryAfter: .seconds(60)) == .seconds(60), "the receiver's word, above max_backoff")
        #expect(backoff.failed(retryAfter: .seconds(3600)) == .seconds(300))
        #expect(backoff.failed() == .milliseconds(240), "the computed delay kept doubling underneath")
    }

    @Test func statusesAreClassifiedAsPrometheusDoes() {
        func outcome(_ status: Int, retryAfter: String? = nil, on429: Bool = true) -> DeliveryOutcome {
            DeliveryOutcome.classify(status: status, body: "why", retryAfter: retryAfter, retryOn429: on429)
        }
        #expect(outcome(200) == .delivered)
        #expect(outcome(204) == .delivered)
        #expect(outcome(500) == .retry(reason: "HTTP 500: why", retryAfter: nil))
        #expect(outcome(503, retryAfter: "7") == .retry(reason: "HTTP 503: why", retryAfter: .seconds(7)))
        #expect(outcome(429, retryAfter: "1") == .retry(reason: "HTTP 429: why", retryAfter: .seconds(1)))
        #expect(outcome(429, on429: false) == .rejected(reason: "HTTP 429: why"))
        #expect(outcome(400) == .rejected(reason: "HTTP 400: why"))
        #expect(outcome(413) == .rejected(reason: "HTTP 413: why"))
        // An HTTP date is not honoured: the computed backoff applies.
        #expect(outcome(503, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT") == .retry(reason: "HTTP 503: why", retryAfter: nil))
    }
}
