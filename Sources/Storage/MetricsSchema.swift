import GRDB

/// The whole `metrics.db` schema, in one place. The byte formats of the BLOB columns are
/// described in FORMAT.md beside this file.
enum MetricsSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Every distinct label pair is stored once; series refer to pairs by id.
            // UNIQUE(name, value) serves: resolving `name="v"` matchers to a pair id, and
            // range scans over one name's values for `=~`/`!~` matchers and label values.
            try db.execute(sql: """
                CREATE TABLE label_pairs (
                    id    INTEGER PRIMARY KEY,
                    name  TEXT NOT NULL,
                    value TEXT NOT NULL,
                    UNIQUE (name, value)
                )
                """)
            // One row per series; `pairs` is the varint list of its label pair ids in
            // label-name order. The writer keeps its label-set → id map in memory.
            try db.execute(sql: """
                CREATE TABLE series (
                    id    INTEGER PRIMARY KEY,
                    pairs BLOB NOT NULL
                )
                """)
            // Inverted index: pair → ascending series ids as one delta-varint list (see
            // PostingsList). The primary key serves matcher resolution: one row per pair.
            try db.execute(sql: """
                CREATE TABLE postings (
                    pair_id INTEGER PRIMARY KEY,
                    series  BLOB NOT NULL
                )
                """)
            // Compressed samples: one XOR chunk per row, at most 120 samples and spanning
            // less than 2 h (ChunkLimits). The primary key is the only index and serves:
            // reading one series over [mint, maxt] as the range min_t BETWEEN mint - 2h AND
            // maxt (a chunk starting earlier cannot reach mint), rewriting an open chunk,
            // the newest chunk per series on start-up, and retention (min_t < cutoff).
            // WITHOUT ROWID: no separate index to store, and a series' chunks are adjacent.
            try db.execute(sql: """
                CREATE TABLE chunks (
                    series_id INTEGER NOT NULL,
                    min_t     INTEGER NOT NULL,
                    max_t     INTEGER NOT NULL,
                    data      BLOB NOT NULL,
                    PRIMARY KEY (series_id, min_t)
                ) WITHOUT ROWID
                """)
            // HELP/TYPE/UNIT per metric family as last seen in an exposition.
            try db.execute(sql: """
                CREATE TABLE metadata (
                    family TEXT PRIMARY KEY,
                    type   TEXT NOT NULL,
                    help   TEXT NOT NULL,
                    unit   TEXT NOT NULL
                ) WITHOUT ROWID
                """)
            // Exemplars attached to a series' samples. The primary key serves both the
            // de-duplication of re-imported exemplars and lookups by series and time.
            // Key columns are declared first, in key order: SQLite 3.40.0-3.41.0 report
            // "NULL value in exemplars.value" from integrity_check otherwise.
            try db.execute(sql: """
                CREATE TABLE exemplars (
                    series_id INTEGER NOT NULL,
                    t         INTEGER NOT NULL,
                    labels    TEXT NOT NULL,
                    value     INTEGER NOT NULL, -- IEEE-754 bits: SQLite would turn NaN into NULL
                    PRIMARY KEY (series_id, t, labels)
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }
}
