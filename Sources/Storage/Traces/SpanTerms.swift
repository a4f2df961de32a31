import MeshMetrics
import Traces

/// The annotationQuery terms of a span, kept in its row as a blob of 8-byte FNV-1a hashes
/// rather than as rows of their own: one blob per span costs the writer nothing per tag,
/// while a term table cost a B-tree insert for every tag of every span.
///
/// A tag (k, v) contributes `hash(k)` and `hash(k, v)`; an annotation contributes
/// `hash(value)`, so a bare `key` term finds a tag of any value or an annotation with that
/// value, and `key=value` only the tag: Zipkin's rule. A search tests
/// `instr(terms, needle) > 0`; a hit at an unaligned offset or a hash collision can only
/// add a candidate, never drop one, and `TraceQuery.matches` decides exactly afterwards.
enum SpanTerms {
    /// Sorted, distinct, big-endian hashes; empty when the span has no tags or annotations.
    static func blob(of span: Span) -> [UInt8] {
        if span.tags.isEmpty && span.annotations.isEmpty { return [] }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(span.tags.count * 2 + span.annotations.count)
        for (key, value) in span.tags {
            hashes.append(hash(key, nil))
            hashes.append(hash(key, value))
        }
        for annotation in span.annotations { hashes.append(hash(annotation.value, nil)) }
        hashes.sort()
        var blob: [UInt8] = []
        blob.reserveCapacity(hashes.count * 8)
        var previous: UInt64?
        for h in hashes where h != previous {
            append(h, to: &blob)
            previous = h
        }
        return blob
    }

    /// The 8 bytes a search looks for; an empty `value` is the bare-key form.
    static func needle(key: String, value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(hash(key, value.isEmpty ? nil : value), to: &bytes)
        return bytes
    }

    private static func hash(_ key: String, _ value: String?) -> UInt64 {
        var h = FNV1a()
        h.add(key)
        if let value {
            // A separator no key contains keeps ("ab", "c") apart from ("a", "bc").
            h.add(byte: 0)
            h.add(value)
        }
        return h.value
    }

    private static func append(_ h: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: h >> UInt64(shift))) }
    }
}
