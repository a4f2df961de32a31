/// Refusals by the auth and rate-limit middleware, for `/metrics`.
struct SecurityCounters: Sendable, Equatable {
    /// Keyed by route class and reason (`missing`, `invalid`, `forbidden`).
    var authFailures: [AuthFailureKey: Int] = [:]
    /// Keyed by route class (only ingest is limited today).
    var rateLimited: [String: Int] = [:]
}
