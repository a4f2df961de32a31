@testable import LogFollow

extension FileFollower {
    /// Polls until the data already written is consumed (`hasMore` false), at most
    /// `maxPolls` times so that a follower that never finishes fails the test instead of
    /// hanging it.
    mutating func drain(maxBytes: Int = 1 << 20, maxPolls: Int = 10_000) throws -> Drained {
        var drained = Drained()
        repeat {
            let batch = try poll(maxBytes: maxBytes)
            drained.lines += batch.lines.map { String(decoding: $0, as: UTF8.self) }
            drained.events += batch.events
            drained.offset = batch.offset
            drained.polls += 1
            if !batch.hasMore { return drained }
        } while drained.polls < maxPolls
        return drained
    }
}
