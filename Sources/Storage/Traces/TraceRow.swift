import Foundation
import GRDB
import Traces

/// The columns of one `spans` row, derived from a span before the writer sees it (encoding
/// and hashing run on the request's task, in parallel, not in the single writer).
struct TraceRow: Sendable {
    var trace: TraceID
    var spanID: Int64
    var parentID: Int64?
    var kind: Int64
    var shared: Bool
    var localService: String?
    var remoteService: String?
    var name: String?
    var ts: Int64
    var duration: Int64?
    var error: Bool
    var encoded: [UInt8]
    var digest: Int64
    var terms: [UInt8]

    /// `receivedAt` (µs) places spans with neither a timestamp nor annotations in time, so
    /// that they are found by windows and removed by retention.
    init(_ span: Span, receivedAt: Int64) {
        trace = TraceID(hex: span.traceId) ?? TraceID(high: 0, low: 0)
        spanID = TraceID.spanID(span.id)
        parentID = span.parentId.map(TraceID.spanID)
        kind = Int64(span.kind?.protoNumber ?? 0)
        shared = span.shared
        localService = span.localServiceName
        remoteService = span.remoteServiceName
        name = span.name
        ts = span.timestamp ?? span.annotations.first?.timestamp ?? receivedAt
        duration = span.duration
        error = span.tags["error"] != nil
        encoded = SpanJSONEncoder.encode(span)
        digest = fnv1a64(encoded)
        terms = SpanTerms.blob(of: span)
    }
}

/// Decodes a stored `span` column.
func decodeStoredSpan(_ data: Data) throws -> Span {
    do {
        return try data.withUnsafeBytes { raw in
            try SpanJSONDecoder.decodeOne(raw.bindMemory(to: UInt8.self))
        }
    } catch {
        throw StorageError.database("stored span cannot be decoded: \(error)")
    }
}
