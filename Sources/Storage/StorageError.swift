/// Errors the storage layer reports to its callers.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    case dataDirectory(String)
    case locked(String)
    case corruptChunk(seriesID: Int64, chunkStart: Int64, reason: String)
    case database(String)

    public var description: String {
        switch self {
        case .dataDirectory(let message), .locked(let message), .database(let message): message
        case let .corruptChunk(series, start, reason): "chunk starting at \(start) of series \(series) is corrupt: \(reason)"
        }
    }
}
