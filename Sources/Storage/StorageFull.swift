import GRDB

/// Recognises SQLite's "database or disk is full" (SQLITE_FULL, also reported when a
/// write hits ENOSPC) in any error a commit throws, so every store answers it the same way.
enum StorageFull {
    static func isFull(_ error: any Error) -> Bool {
        if let storage = error as? StorageError { return storage.isStorageFull }
        if let database = error as? DatabaseError { return database.resultCode == .SQLITE_FULL }
        return false
    }

    /// `StorageError.full` naming the file when `error` is SQLITE_FULL, else nil.
    static func error(_ error: any Error, path: String) -> StorageError? {
        guard isFull(error) else { return nil }
        if let storage = error as? StorageError { return storage }
        return .full("storage full: cannot write \(path) (SQLITE_FULL: database or disk is full); nothing of this write "
            + "was stored, earlier data is intact; free disk space or let retention delete old data, then retry")
    }
}
