/// Errors the storage layer reports to its callers.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    case dataDirectory(String)
    case locked(String)
    case corruptChunk(seriesID: Int64, chunkStart: Int64, reason: String)
    case database(String)
    /// SQLite answered SQLITE_FULL: the disk (or the database's `max_page_count`) is full.
    /// The transaction rolled back; nothing of it is stored and earlier data is intact.
    case full(String)

    public var description: String {
        switch self {
        case .dataDirectory(let message), .locked(let message), .database(let message), .full(let message): message
        case let .corruptChunk(series, start, reason): "chunk starting at \(start) of series \(series) is corrupt: \(reason)"
        }
    }

    /// True for `.full`: ingest should answer 507 Insufficient Storage and retry later.
    public var isStorageFull: Bool {
        if case .full = self { return true }
        return false
    }
}
