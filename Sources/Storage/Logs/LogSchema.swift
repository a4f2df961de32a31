import GRDB

/// The whole `logs.db` schema, in one place; FORMAT.md beside it describes the rows.
///
/// A record is stored as its raw line plus copies of the fields the searches filter on.
/// Reads re-parse the raw line (with the stored default service), so the line is the only
/// source of truth and the row stays narrow: every column here serves an index, a filter,
/// the full-text index or the stats.
enum LogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // AUTOINCREMENT: ids never go back, even after retention empties the table, so
            // "id above the full-text watermark" always means "not indexed yet".
            try db.execute(sql: """
                CREATE TABLE records (
                    id              INTEGER PRIMARY KEY AUTOINCREMENT,
                    ts              INTEGER NOT NULL, -- µs since epoch
                    shape           INTEGER NOT NULL, -- AccessLogShape.rawValue
                    src_service     TEXT,             -- AccessLogPeer.name of the source
                    dst_service     TEXT,             -- AccessLogPeer.name of the destination
                    method          TEXT,
                    code            INTEGER,          -- response code, NULL when absent
                    flags           TEXT,             -- response flags, comma-joined, NULL for none
                    duration        INTEGER,          -- µs, NULL when absent
                    trace_id        TEXT,             -- lowercase hex, 16 or 32 digits
                    request_id      TEXT,
                    path            TEXT,             -- full-text columns (external content)
                    authority       TEXT,
                    user_agent      TEXT,
                    default_service TEXT,             -- the caller's service, to re-parse `raw`
                    raw             BLOB NOT NULL     -- the line exactly as received
                )
                """)
            // Searches without a service, newest first: `ts BETWEEN ? AND ?` read backwards
            // in (ts, id) order, the keyset cursor's order. `id` is named although every
            // index ends with the rowid, so that `code` can follow it without breaking that
            // order; with `code` in the entry a `5xx` filter is decided on the index alone
            // (a covering scan) instead of visiting every row of the window. Also serves
            // retention (`ts < cutoff`) and stats over a window.
            try db.execute(sql: "CREATE INDEX records_by_time ON records (ts, id, code)")
            // `source=`, and the source half of `service=` (searched as two ordered halves
            // merged, since one OR would sort the whole window): `src_service = ? AND ts
            // BETWEEN` newest first; `code` as above (`service + 5xx + last hour`).
            try db.execute(sql: "CREATE INDEX records_by_source ON records (src_service, ts, id, code)")
            // `destination=` and the destination half of `service=`; stats by destination.
            try db.execute(sql: "CREATE INDEX records_by_destination ON records (dst_service, ts, id, code)")
            // Trace correlation, `trace_id=` and `request_id=`: which records carry a trace
            // id or request id. These ids are random, and a B-tree keyed by a random value
            // rewrites a different page for nearly every insert: with a million records an
            // index on `trace_id` made each commit of 1,000 records write ~1,000 pages, and
            // ingest fell below 15,000 records/s. So entries are grouped by block of
            // consecutive record ids first (`record >> 13`): a commit only inserts into the
            // current block's few pages, and a lookup probes each block (one seek per 8,192
            // records). `key` is the id's 64-bit key (LogCorrelation.key); answers are checked
            // against the record's own `trace_id`/`request_id`, so key collisions are harmless.
            try db.execute(sql: """
                CREATE TABLE correlation (
                    block  INTEGER NOT NULL, -- record >> 13
                    key    INTEGER NOT NULL,
                    record INTEGER NOT NULL, -- records.id
                    PRIMARY KEY (block, key, record)
                ) WITHOUT ROWID
                """)
            // Full text over path, authority and user agent, reading its text from `records`
            // (external content: no second copy). Filled behind ingest by `indexPending`;
            // `unicode61` splits `/api/v1?x=1` into api, v1, x, 1 and folds case.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE records_fts USING fts5(
                    path, authority, user_agent,
                    content = 'records', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 0'
                )
                """)
            // The full-text watermark: records with `id <= indexed_through` are in
            // `records_fts`, later ones are not yet (searches scan those directly).
            try db.execute(sql: """
                CREATE TABLE fts_state (
                    singleton       INTEGER PRIMARY KEY CHECK (singleton = 0),
                    indexed_through INTEGER NOT NULL
                )
                """)
            try db.execute(sql: "INSERT INTO fts_state (singleton, indexed_through) VALUES (0, 0)")
            // Where each tailed file was read up to, committed with the records read from it.
            try db.execute(sql: """
                CREATE TABLE followed_files (
                    path        TEXT PRIMARY KEY,
                    device      INTEGER NOT NULL, -- UInt64 bit pattern
                    inode       INTEGER NOT NULL, -- UInt64 bit pattern
                    offset      INTEGER NOT NULL CHECK (offset >= 0),
                    head_length INTEGER NOT NULL, -- bytes the fingerprint covers, 0 for none
                    head_hash   INTEGER NOT NULL  -- FNV-1a 64 of them, UInt64 bit pattern
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }
}
