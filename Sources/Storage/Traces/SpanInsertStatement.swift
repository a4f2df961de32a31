import GRDB
import GRDBSQLite

/// The `spans` insert, bound through SQLite's C API. It is the writer's inner loop: GRDB's
/// `StatementArguments` boxes each of the 15 values as an existential and copies the blob,
/// which cost more than SQLite's own work. Prepared once per commit, finalized with it.
struct SpanInsertStatement: ~Copyable {
    private let statement: OpaquePointer
    private let connection: OpaquePointer

    /// `ON CONFLICT DO NOTHING` only forgives the identity index: any other constraint
    /// still fails the statement and so the append.
    private static let sql = """
        INSERT INTO spans (trace_hi, trace_lo, span_id, parent_id, digest, kind, shared,
                           local_service, remote_service, name, ts, duration, error, span, terms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (trace_lo, trace_hi, span_id, digest) DO NOTHING
        """

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw StorageError.database("trace store connection is closed") }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(connection, Self.sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw StorageError.database("cannot prepare span insert: \(String(cString: sqlite3_errmsg(connection)))")
        }
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// Inserts the row unless the same piece is stored; false for a duplicate.
    func insert(_ row: TraceRow) throws -> Bool {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        sqlite3_bind_int64(statement, 1, row.trace.storedHigh)
        sqlite3_bind_int64(statement, 2, row.trace.storedLow)
        sqlite3_bind_int64(statement, 3, row.spanID)
        bind(row.parentID, at: 4)
        sqlite3_bind_int64(statement, 5, row.digest)
        sqlite3_bind_int64(statement, 6, row.kind)
        sqlite3_bind_int64(statement, 7, row.shared ? 1 : 0)
        bind(row.localService, at: 8)
        bind(row.remoteService, at: 9)
        bind(row.name, at: 10)
        sqlite3_bind_int64(statement, 11, row.ts)
        bind(row.duration, at: 12)
        sqlite3_bind_int64(statement, 13, row.error ? 1 : 0)
        bind(blob: row.encoded, at: 14)
        bind(blob: row.terms, at: 15)
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_DONE else {
            if rc & 0xff == SQLITE_FULL {
                throw StorageError.full("storage full: cannot write traces.db (SQLITE_FULL: database or disk is full); nothing "
                    + "of this write was stored, earlier data is intact; free disk space or let retention delete old data, then retry")
            }
            throw StorageError.database("span insert failed: \(String(cString: sqlite3_errmsg(connection))) (code \(rc))")
        }
        return sqlite3_changes(connection) == 1
    }

    private func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    private func bind(_ value: String?, at index: Int32) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        var copy = value
        copy.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), Self.transient)
            }
        }
    }

    /// Never NULL: an empty array binds a zero-length blob.
    private func bind(blob: [UInt8], at index: Int32) {
        if blob.isEmpty { sqlite3_bind_zeroblob(statement, index, 0); return }
        blob.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
