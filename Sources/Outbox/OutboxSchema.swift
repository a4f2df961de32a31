import GRDB

/// The queue file's one table. `id` is the delivery order (AUTOINCREMENT so that ids
/// never go back, even after the queue empties).
enum OutboxSchema {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                -- When the data was handed over, for the age of the oldest pending item.
                enqueued_ms INTEGER NOT NULL,
                -- Samples or spans in the payload.
                count INTEGER NOT NULL,
                payload BLOB NOT NULL
            )
            """)
        // No secondary index: every query walks `items` by its rowid (oldest first, or a
        // rowid range), which is the table's own order.
    }
}
