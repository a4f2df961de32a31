/// A single-host view of an operation, as `zipkin2.Span` (Zipkin v2 model).
///
/// Every `Span` is normalised exactly as Zipkin's `Span.Builder` (see `HexID` for ids):
/// - `traceId` and `id` are required (`Missing : traceId id`); ids are validated, lowercased
///   and left-padded; a 128-bit trace id with a zero upper half becomes 64-bit.
/// - `parentId` all zeros means root; a `parentId` equal to `id` is dropped (no self loop).
/// - `name` and endpoint service names are lowercased; empty means absent.
/// - `timestamp`/`duration` are epoch/elapsed microseconds; zero or negative means absent.
/// - Endpoints with no field set are absent.
/// - `annotations` are sorted by timestamp then value, duplicates removed.
/// - `tags` are kept exactly (keys and values as sent; the last duplicate key wins) and
///   are written in Java `TreeMap` key order by the encoders.
/// - `debug`/`shared` are only ever true or absent (false); `shared` on a CLIENT span is
///   cleared, since only the server side of an RPC shares the client's span id.
public struct Span: Sendable, Hashable, CustomStringConvertible {
    /// 16 or 32 lower-hex characters.
    public internal(set) var traceId: String
    /// 16 lower-hex characters, nil for a root span.
    public internal(set) var parentId: String?
    /// 16 lower-hex characters.
    public internal(set) var id: String
    public internal(set) var kind: SpanKind?
    /// Lowercase; nil when absent.
    public internal(set) var name: String?
    /// Epoch microseconds of the start, nil when absent.
    public internal(set) var timestamp: Int64?
    /// Microseconds, nil when absent.
    public internal(set) var duration: Int64?
    public internal(set) var localEndpoint: Endpoint?
    public internal(set) var remoteEndpoint: Endpoint?
    /// Sorted by timestamp, then value; no duplicates.
    public internal(set) var annotations: [Annotation]
    public internal(set) var tags: [String: String]
    public internal(set) var debug: Bool
    public internal(set) var shared: Bool

    /// Builds a span with Zipkin's validation and normalisation.
    public init(traceId: String, id: String, parentId: String? = nil, kind: SpanKind? = nil,
                name: String? = nil, timestamp: Int64? = nil, duration: Int64? = nil,
                localEndpoint: Endpoint? = nil, remoteEndpoint: Endpoint? = nil,
                annotations: [Annotation] = [], tags: [String: String] = [:],
                debug: Bool = false, shared: Bool = false) throws(SpanValidationError) {
        var b = SpanBuilder()
        b.traceId = try HexID.normalize(traceId, .traceId)
        b.id = try HexID.normalize(id, .id)
        if let parentId { b.parentId = try HexID.normalize(parentId, .parentId) }
        b.kind = kind
        b.setName(name)
        b.timestamp = timestamp ?? 0
        b.duration = duration ?? 0
        b.localEndpoint = localEndpoint
        b.remoteEndpoint = remoteEndpoint
        b.annotations = annotations
        b.tags = tags
        b.debug = debug
        b.shared = shared
        self = try b.build()
    }

    /// Already-normalised fields; only `SpanBuilder.build` calls this.
    init(normalized b: SpanBuilder, traceId: String, id: String) {
        self.traceId = traceId
        self.parentId = b.parentId == id ? nil : b.parentId
        self.id = id
        self.kind = b.kind
        self.name = b.name
        self.timestamp = b.timestamp > 0 ? b.timestamp : nil
        self.duration = b.duration > 0 ? b.duration : nil
        self.localEndpoint = b.localEndpoint.flatMap { $0.isEmpty ? nil : $0 }
        self.remoteEndpoint = b.remoteEndpoint.flatMap { $0.isEmpty ? nil : $0 }
        self.annotations = Span.sortedAnnotations(b.annotations)
        self.tags = b.tags
        self.debug = b.debug
        self.shared = b.shared && b.kind != .client
    }

    public var localServiceName: String? { localEndpoint?.serviceName }
    public var remoteServiceName: String? { remoteEndpoint?.serviceName }

    /// Tags in the order Zipkin writes them (`TreeMap`: Java string order of keys).
    public var sortedTags: [(key: String, value: String)] {
        if tags.count <= 1 { return tags.map { ($0.key, $0.value) } }
        // ASCII keys (nearly all) compare the same by String's `<` (a byte compare for
        // ASCII) as by Java's UTF-16 order, without the per-comparison scan.
        if tags.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            return tags.sorted { $0.key < $1.key }
        }
        return tags.sorted { javaStringLess($0.key, $1.key) }
    }

    /// `Span.sortedList`: sort, then drop adjacent duplicates. Skips sorting when already
    /// strictly ascending, which is what reporters nearly always send.
    static func sortedAnnotations(_ input: [Annotation]) -> [Annotation] {
        if input.count <= 1 { return input }
        var ascending = true
        for i in 1..<input.count where !(input[i - 1] < input[i]) {
            ascending = false
            break
        }
        if ascending { return input }
        let sorted = input.sorted()
        var out = [Annotation]()
        out.reserveCapacity(sorted.count)
        for a in sorted where out.last != a { out.append(a) }
        return out
    }

    /// The JSON v2 form, as Zipkin's `Span.toString()`.
    public var description: String {
        String(decoding: SpanJSONEncoder.encode(self), as: UTF8.self)
    }
}
