/// Runs `body` until `deadline`; past it the body's task is cancelled (the body must
/// give up promptly when cancelled) and `UpstreamFailure.timeout` is thrown. A result
/// the body produced anyway after losing the race goes to `discard`, so that a
/// connection it holds is not leaked.
func withDeadline<T: Sendable>(_ deadline: ContinuousClock.Instant?,
                               discard: @escaping @Sendable (T) -> Void = { _ in },
                               _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    guard let deadline else { return try await body() }
    if deadline <= .now { throw UpstreamFailure.timeout }
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try? await Task.sleep(until: deadline, clock: .continuous)
            return nil
        }
        // The first to finish decides; a body error propagates as it is.
        if let first = try await group.next(), let value = first {
            group.cancelAll()
            return value
        }
        group.cancelAll()
        while let late = try? await group.next() {
            if let value = late { discard(value) }
        }
        throw UpstreamFailure.timeout
    }
}
