import AccessLogs
import Foundation
import GRDB
import GRDBSQLite

/// Writing one `records` row. Bound through SQLite's C API on GRDB's cached statement:
/// at a few hundred thousand records a second, boxing sixteen arguments per row into
/// `StatementArguments` costs more than the insert itself.
enum LogRow {
    static let insertSQL = """
        INSERT INTO records (ts, shape, src_service, dst_service, method, code, flags, duration,
                             trace_id, request_id, path, authority, user_agent, default_service, raw)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts the record with a prepared `insertSQL`; returns its row id.
    static func insert(_ record: AccessLogRecord, _ statement: Statement, _ db: Database) throws -> Int64 {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, record.timestampMicros)
        sqlite3_bind_int64(s, 2, Int64(record.shape.rawValue))
        bind(s, 3, record.source.name)
        bind(s, 4, record.destination.name)
        bind(s, 5, record.method)
        bind(s, 6, record.responseCode.map(Int64.init))
        bind(s, 7, flagsColumn(record))
        bind(s, 8, record.durationMicros)
        bind(s, 9, record.traceId)
        bind(s, 10, record.requestId)
        bind(s, 11, record.path)
        bind(s, 12, record.authority)
        bind(s, 13, record.userAgent)
        bind(s, 14, record.defaultService)
        record.raw.withUnsafeBytes { bytes in
            // A zero-length blob from a nil base address would bind NULL.
            _ = bytes.isEmpty
                ? sqlite3_bind_zeroblob(s, 15, 0)
                : sqlite3_bind_blob(s, 15, bytes.baseAddress, Int32(bytes.count), transient)
        }
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: insertSQL)
        }
        return db.lastInsertedRowID
    }

    /// The flags as the filter matches them: comma-joined without spaces.
    static func flagsColumn(_ record: AccessLogRecord) -> String? {
        let flags = record.responseFlagList
        return flags.isEmpty ? nil : flags.joined(separator: ",")
    }

    /// SQLite copies the bytes before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ s: SQLiteStatement, _ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(s, index); return }
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    _ = sqlite3_bind_text(s, index, $0, Int32(utf8.count), transient)
                }
            } else {
                _ = sqlite3_bind_text(s, index, "", 0, transient)
            }
        }
    }

    private static func bind(_ s: SQLiteStatement, _ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(s, index, value) } else { sqlite3_bind_null(s, index) }
    }
}
