import AccessLogs
import GRDB

/// The position after the last record of a page: its (time, row id), the order pages are
/// read in (newest first). Opaque to clients: two base-36 numbers joined by `.`.
struct LogCursor: Hashable {
    var ts: Int64
    var id: Int64

    /// Rows strictly after this position in page order (newest first); the `ts <= ?` half
    /// bounds the index range, the rest breaks ties by row id.
    static let condition = "ts <= ? AND (ts < ? OR id < ?)"

    var arguments: [any DatabaseValueConvertible] { [ts, ts, id] }

    var encoded: String {
        String(UInt64(bitPattern: ts), radix: 36) + "." + String(UInt64(bitPattern: id), radix: 36)
    }

    init(ts: Int64, id: Int64) {
        self.ts = ts
        self.id = id
    }

    init(decoding text: String) throws(QueryParameterError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 13 }),
              let ts = UInt64(parts[0], radix: 36), let id = UInt64(parts[1], radix: 36) else {
            throw QueryParameterError(parameter: "cursor", value: text, reason: "not a cursor returned by this server")
        }
        self.ts = Int64(bitPattern: ts)
        self.id = Int64(bitPattern: id)
    }
}
