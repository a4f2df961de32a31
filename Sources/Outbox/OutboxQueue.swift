import Foundation
import GRDB
import Synchronization

/// A bounded first-in first-out queue of payloads in its own SQLite file: what a
/// destination has not acknowledged yet, kept across restarts and remote outages.
///
/// Each item is one encoded slice of data (a protobuf `WriteRequest` fragment, a run of
/// Zipkin JSON spans) with the number of samples or spans it carries. When the queue
/// would grow past `maxBytes`, the oldest items are dropped to make room and counted:
/// an outage longer than the queue holds loses the oldest data, never the newest, and
/// never blocks ingestion.
///
/// Safe to share between threads: GRDB's `DatabaseQueue` serialises access, and the
/// byte and count totals sit behind a `Mutex`.
public final class OutboxQueue: Sendable {
    public let path: String
    public let maxBytes: Int
    private let database: DatabaseQueue
    private let totals: Mutex<Totals>

    struct Totals {
        var items = 0
        var bytes = 0
        var count = 0
    }

    /// Opens (or creates) the queue file. `synchronousFull` fsyncs each enqueue, as the
    /// `storage.durability: full` setting asks of every store.
    public init(path: String, maxBytes: Int, synchronousFull: Bool = false) throws(OutboxError) {
        self.path = path
        self.maxBytes = max(1, maxBytes)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = \(synchronousFull ? "FULL" : "NORMAL")")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.write { db in try OutboxSchema.create(db) }
            let loaded = try database.read { db in
                try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0), COALESCE(SUM(count), 0) FROM items")
            }
            totals = Mutex(Totals(items: loaded?[0] ?? 0, bytes: loaded?[1] ?? 0, count: loaded?[2] ?? 0))
        } catch {
            throw OutboxError.storage("cannot open queue \(path): \(error)")
        }
    }

    /// Appends payloads in order in one transaction; returns once it has committed, with
    /// the number of samples or spans dropped (oldest first) to stay within `maxBytes`.
    /// A single payload larger than the whole queue is refused.
    @discardableResult
    public func enqueue(_ payloads: [(payload: [UInt8], count: Int)], now: Int64 = OutboxClock.milliseconds())
        throws(OutboxError) -> OutboxDrop {
        let adding = payloads.reduce(0) { $0 + $1.payload.count }
        if let big = payloads.first(where: { $0.payload.count > maxBytes }) {
            throw OutboxError.tooLarge(bytes: big.payload.count, limit: maxBytes)
        }
        do {
            return try totals.withLock { totals throws -> OutboxDrop in
                let drop = try database.write { db -> OutboxDrop in
                    var drop = OutboxDrop()
                    var bytes = totals.bytes
                    if bytes + adding > maxBytes {
                        // Oldest first, until the new payloads fit.
                        let rows = try Row.fetchCursor(db, sql: "SELECT id, length(payload), count FROM items ORDER BY id")
                        var lastID: Int64?
                        while bytes + adding > maxBytes, let row = try rows.next() {
                            lastID = row[0]
                            bytes -= row[1] as Int
                            drop.items += 1
                            drop.bytes += row[1] as Int
                            drop.count += row[2] as Int
                        }
                        if let lastID { try db.execute(sql: "DELETE FROM items WHERE id <= ?", arguments: [lastID]) }
                    }
                    let insert = try db.cachedStatement(sql: "INSERT INTO items (enqueued_ms, count, payload) VALUES (?, ?, ?)")
                    for item in payloads {
                        try insert.execute(arguments: [now, item.count, Data(item.payload)])
                    }
                    return drop
                }
                totals.items += payloads.count - drop.items
                totals.bytes += adding - drop.bytes
                totals.count += payloads.reduce(0) { $0 + $1.count } - drop.count
                return drop
            }
        } catch let error as OutboxError {
            throw error
        } catch {
            throw OutboxError.storage("enqueue failed: \(error)")
        }
    }

    /// The oldest items, in order, up to `maxCount` samples or spans in all (at least
    /// one item, however large its count).
    public func peek(maxCount: Int) throws(OutboxError) -> [OutboxItem] {
        do {
            return try database.read { db in
                var items: [OutboxItem] = []
                var count = 0
                let rows = try Row.fetchCursor(db, sql: "SELECT id, enqueued_ms, count, payload FROM items ORDER BY id")
                while let row = try rows.next() {
                    let itemCount: Int = row[2]
                    if !items.isEmpty && count + itemCount > maxCount { break }
                    let data: Data = row[3]
                    items.append(OutboxItem(id: row[0], enqueuedMilliseconds: row[1], count: itemCount, payload: [UInt8](data)))
                    count += itemCount
                    if count >= maxCount { break }
                }
                return items
            }
        } catch {
            throw OutboxError.storage("read failed: \(error)")
        }
    }

    /// Removes items up to and including `id` (delivered, or rejected for good).
    public func remove(through id: Int64) throws(OutboxError) {
        do {
            try totals.withLock { totals throws in
                let removed = try database.write { db -> Row? in
                    let row = try Row.fetchOne(db, sql: """
                        SELECT COUNT(*), COALESCE(SUM(length(payload)), 0), COALESCE(SUM(count), 0) FROM items WHERE id <= ?
                        """, arguments: [id])
                    try db.execute(sql: "DELETE FROM items WHERE id <= ?", arguments: [id])
                    return row
                }
                totals.items -= removed?[0] ?? 0
                totals.bytes -= removed?[1] ?? 0
                totals.count -= removed?[2] ?? 0
            }
        } catch {
            throw OutboxError.storage("remove failed: \(error)")
        }
    }

    /// Items, payload bytes and samples or spans waiting.
    public var pending: (items: Int, bytes: Int, count: Int) {
        totals.withLock { ($0.items, $0.bytes, $0.count) }
    }
}
