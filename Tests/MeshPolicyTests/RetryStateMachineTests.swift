import Testing
@testable import MeshPolicy

@Suite("Retry state machine")
struct RetryStateMachineTests {
    var random = SeededRandomGenerator(seed: 1)

    func machine(_ retryOn: String, attempts: Int = 2, perTry: Duration? = nil, timeout: Duration? = nil) -> RetryStateMachine {
        let conditions = retryOn.split(separator: ",").compactMap { value -> RetryCondition? in
            if case .known(let condition) = RetryCondition.parse(String(value)) { return condition }
            return nil
        }
        return RetryStateMachine(policy: HTTPRetry(attempts: attempts, perTryTimeout: perTry, retryOn: conditions),
                                 timeout: timeout, start: .zero)
    }

    @Test("retries a retriable outcome until the attempts run out, counting attempts")
    mutating func exhausts() {
        var retry = machine("5xx", attempts: 2)
        var numbers: [Int] = []
        var decision: RetryStateMachine.Decision?
        for _ in 0..<5 {
            guard case .attempt(let number, _) = retry.startAttempt(now: .zero) else { break }
            numbers.append(number)
            decision = retry.attemptEnded(.response(status: 503), now: .zero, using: &random)
            guard case .retry = decision else { break }
        }
        #expect(numbers == [1, 2, 3])
        #expect(decision == .finish(.retriesExhausted))
        #expect(retry.retriesUsed == 2)
    }

    @Test("non-retriable outcomes are delivered at once")
    mutating func deliver() {
        var retry = machine("5xx")
        _ = retry.startAttempt(now: .zero)
        #expect(retry.attemptEnded(.response(status: 404), now: .zero, using: &random) == .finish(.deliver))
    }

    @Test("which outcomes each retryOn value covers")
    func conditions() {
        let gateway = machine("gateway-error")
        #expect(gateway.isRetriable(.response(status: 502)) && gateway.isRetriable(.response(status: 504)))
        #expect(!gateway.isRetriable(.response(status: 500)))
        #expect(gateway.isRetriable(.connectFailure) && gateway.isRetriable(.perTryTimeout))
        let connect = machine("connect-failure")
        #expect(connect.isRetriable(.connectFailure) && !connect.isRetriable(.reset) && !connect.isRetriable(.response(status: 503)))
        let refused = machine("refused-stream")
        #expect(refused.isRetriable(.refusedStream) && !refused.isRetriable(.connectFailure))
        let reset = machine("reset")
        #expect(reset.isRetriable(.reset) && reset.isRetriable(.perTryTimeout) && !reset.isRetriable(.response(status: 503)))
        let conflict = machine("retriable-4xx")
        #expect(conflict.isRetriable(.response(status: 409)) && !conflict.isRetriable(.response(status: 404)))
        let serverError = machine("5xx")
        #expect(serverError.isRetriable(.response(status: 500)) && serverError.isRetriable(.reset) && !serverError.isRetriable(.response(status: 200)))
        let code = machine("503")
        #expect(code.isRetriable(.response(status: 503)) && !code.isRetriable(.response(status: 502)))
        let unsupported = machine("retriable-headers")
        #expect(!unsupported.isRetriable(.response(status: 503)))
    }

    @Test("per-try deadline within the overall budget; the overall timeout ends retrying")
    mutating func timeouts() {
        var retry = machine("5xx", attempts: 5, perTry: .milliseconds(400), timeout: .seconds(1))
        #expect(retry.startAttempt(now: .zero) == .attempt(number: 1, deadline: .milliseconds(400)))
        guard case .retry(let backoff) = retry.attemptEnded(.perTryTimeout, now: .milliseconds(400), using: &random) else {
            Issue.record("expected a retry")
            return
        }
        #expect(backoff < .milliseconds(25))
        #expect(retry.startAttempt(now: .milliseconds(800)) == .attempt(number: 2, deadline: .seconds(1)))
        #expect(retry.attemptEnded(.perTryTimeout, now: .seconds(1), using: &random) == .finish(.overallTimeout))
        var late = machine("5xx", timeout: .seconds(1))
        #expect(late.startAttempt(now: .seconds(2)) == .overallTimeout)
    }

    @Test("backoff is fully jittered, exponential, capped at 250ms")
    mutating func backoff() {
        for retry in 1...8 {
            let ceiling = min(25 * ((1 << retry) - 1), 250)
            for _ in 0..<200 {
                let value = RetryStateMachine.backoff(retry: retry, using: &random)
                #expect(value >= .zero && value < .milliseconds(ceiling))
            }
        }
        let late = (0..<500).map { _ in RetryStateMachine.backoff(retry: 6, using: &random) }
        #expect(late.contains { $0 > .milliseconds(200) })
    }

    @Test("zero attempts never retries")
    mutating func disabled() {
        var retry = RetryStateMachine(policy: .disabled, timeout: nil, start: .zero)
        _ = retry.startAttempt(now: .zero)
        #expect(retry.attemptEnded(.connectFailure, now: .zero, using: &random) == .finish(.deliver))
    }
}
