import Foundation
import Traces

/// One append's spans, encoded and checked before they reach the writer: the rows, and the
/// listing and autocomplete entries they may add. Built on the caller's task so that
/// concurrent requests encode in parallel and the single writer only inserts.
struct TraceBatch: Sendable {
    var rows: [TraceRow]
    /// `span_names` entries (service; span name; remote service) of the batch, distinct.
    var names: Set<NameRow>
    /// `autocomplete` entries of the configured keys, distinct.
    var values: Set<NameRow>

    /// Throws for a span whose encoded form is over `maxSpanBytes`: the whole append is
    /// refused before anything is written.
    init(_ spans: [Span], receivedAt: Int64, options: TraceStoreOptions, autocompleteKeys: Set<String>) throws {
        rows = []
        rows.reserveCapacity(spans.count)
        names = []
        values = []
        for (index, span) in spans.enumerated() {
            let row = TraceRow(span, receivedAt: receivedAt)
            if row.encoded.count > options.maxSpanBytes {
                throw TraceAppendError.spanTooLarge(index: index, traceId: span.traceId, spanId: span.id,
                                                    bytes: row.encoded.count, limit: options.maxSpanBytes)
            }
            rows.append(row)
            if let service = span.localServiceName {
                names.insert(NameRow(service, .service, ""))
                if let name = span.name { names.insert(NameRow(service, .spanName, name)) }
                if let remote = span.remoteServiceName { names.insert(NameRow(service, .remoteService, remote)) }
            }
            for (key, value) in span.tags where autocompleteKeys.contains(key) {
                values.insert(NameRow(key, .service, value))
            }
        }
    }
}

/// Why an append was refused before anything was written.
public enum TraceAppendError: Error, Sendable, Hashable, CustomStringConvertible {
    case spanTooLarge(index: Int, traceId: String, spanId: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case let .spanTooLarge(index, traceId, spanId, bytes, limit):
            "span \(index) (traceId \(traceId), id \(spanId)) is \(bytes) bytes, over the \(limit)-byte limit"
        }
    }
}
