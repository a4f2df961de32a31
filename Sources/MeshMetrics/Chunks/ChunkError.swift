/// Everything that can go wrong appending to or decoding an XOR chunk. The codec
/// never traps on bad input: each failure surfaces as one of these typed errors.
public enum ChunkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The timestamp is not strictly after the chunk's last one (equal is rejected
    /// too: the format stores strictly positive deltas). The encoder is unchanged.
    case outOfOrder(last: Int64, got: Int64)
    /// The chunk already holds the most samples its 16-bit header can count.
    case full(capacity: Int)
    /// The bytes are not a valid chunk: truncated, malformed, or inconsistent.
    /// `offset` is the byte at which decoding noticed the problem.
    case corrupt(offset: Int, reason: String)

    public var description: String {
        switch self {
        case let .outOfOrder(last, got):
            "out-of-order sample: timestamp \(got) is not after \(last)"
        case let .full(capacity):
            "chunk is full (\(capacity) samples)"
        case let .corrupt(offset, reason):
            "corrupt chunk at byte \(offset): \(reason)"
        }
    }
}
