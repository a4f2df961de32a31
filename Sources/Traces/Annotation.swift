/// An event explaining latency, as `zipkin2.Annotation`: epoch microseconds and a value such
/// as `cache.miss`. A span keeps its annotations sorted by timestamp, then value, without
/// duplicates (Zipkin's `Span.sortedList`).
public struct Annotation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Epoch microseconds. Any value is kept, as Zipkin does (only proto3 drops zero).
    public var timestamp: Int64
    public var value: String

    public init(timestamp: Int64, value: String) {
        self.timestamp = timestamp
        self.value = value
    }

    /// Timestamp first, then value in Java `String.compareTo` order (UTF-16 code units), so
    /// that output order matches a Zipkin server byte for byte.
    public static func < (lhs: Annotation, rhs: Annotation) -> Bool {
        if lhs.timestamp != rhs.timestamp { return lhs.timestamp < rhs.timestamp }
        return javaStringLess(lhs.value, rhs.value)
    }

    public var description: String { "Annotation{timestamp=\(timestamp), value=\(value)}" }
}

/// Java's `String.compareTo`: lexicographic over UTF-16 code units. Swift's `<` uses
/// Unicode scalar order after normalisation, which differs for some non-ASCII text.
/// UTF-8 byte order equals UTF-16 order unless U+E000–U+FFFF meets a supplementary
/// character (lead bytes 0xEE–0xF4), so the fast byte comparison is used when neither
/// string has such a byte.
func javaStringLess(_ a: String, _ b: String) -> Bool {
    var mayDiffer = false
    for c in a.utf8 where c >= 0xEE { mayDiffer = true; break }
    if !mayDiffer { for c in b.utf8 where c >= 0xEE { mayDiffer = true; break } }
    if mayDiffer { return a.utf16.lexicographicallyPrecedes(b.utf16) }
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}
