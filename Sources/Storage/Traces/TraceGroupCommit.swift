import GRDB

/// One transaction carrying the appends that waited for it, each in its own savepoint: a
/// refused append rolls back alone, and every append that succeeded is durable when the
/// transaction commits. If the commit itself fails, or SQLite reports the database full,
/// every append of the group fails.
struct TraceGroupCommit: Sendable {
    /// Per append, in order: what it stored, or why it was refused.
    var results: [Result<TraceAppendSummary, Error>]
    /// Listing and autocomplete rows this transaction inserted.
    var newNames: Set<NameRow>
    var newValues: Set<NameRow>

    static func run(_ batches: [TraceBatch], pool: DatabasePool,
                    knownNames: Set<NameRow>, knownValues: Set<NameRow>) async throws -> TraceGroupCommit {
        try await pool.write { db in
            var commit = TraceGroupCommit(results: [], newNames: [], newValues: [])
            let insert = try SpanInsertStatement(db)
            for batch in batches {
                var summary = TraceAppendSummary()
                var names: [NameRow] = [], values: [NameRow] = []
                do {
                    try db.inSavepoint {
                        for row in batch.rows {
                            if try insert.insert(row) { summary.stored += 1 } else { summary.duplicates += 1 }
                        }
                        for name in batch.names where !knownNames.contains(name) && !commit.newNames.contains(name) {
                            try name.insertName(db)
                            names.append(name)
                        }
                        for value in batch.values where !knownValues.contains(value) && !commit.newValues.contains(value) {
                            try value.insertValue(db)
                            values.append(value)
                        }
                        return .commit
                    }
                    commit.newNames.formUnion(names)
                    commit.newValues.formUnion(values)
                    commit.results.append(.success(summary))
                } catch {
                    // SQLITE_FULL may roll back the whole transaction, earlier savepoints
                    // included: then every append of the group fails, with that error.
                    if StorageFull.isFull(error) || !db.isInsideTransaction { throw error }
                    commit.results.append(.failure(error))
                }
            }
            return commit
        }
    }
}
