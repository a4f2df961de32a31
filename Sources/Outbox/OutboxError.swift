/// Why the queue could not take or give data.
public enum OutboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SQLite file could not be opened, read or written.
    case storage(String)
    /// One payload is larger than the whole queue may hold.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .storage(let message): message
        case .tooLarge(let bytes, let limit): "payload of \(bytes) bytes exceeds the queue size of \(limit) bytes"
        }
    }
}
