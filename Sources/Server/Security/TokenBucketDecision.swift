/// What `TokenBucket.take` decided.
public enum TokenBucketDecision: Sendable, Equatable {
    case allowed
    case limited(retryAfterSeconds: Double)
}
