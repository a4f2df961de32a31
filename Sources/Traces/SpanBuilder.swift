/// Mutable span under construction, as `zipkin2.Span.Builder`: the decoders, `Trace.merge`
/// and the public initialiser all go through `build()`, so every `Span` is normalised the
/// same way. Ids are stored already normalised.
struct SpanBuilder {
    var traceId: String?
    var parentId: String?
    var id: String?
    var kind: SpanKind?
    var name: String?
    /// Zero means absent, as in Zipkin (`timestampAsLong`).
    var timestamp: Int64 = 0
    var duration: Int64 = 0
    var localEndpoint: Endpoint?
    var remoteEndpoint: Endpoint?
    var annotations: [Annotation] = []
    var tags: [String: String] = [:]
    var debug = false
    var shared = false

    init() {}

    init(_ span: Span) {
        traceId = span.traceId
        parentId = span.parentId
        id = span.id
        kind = span.kind
        name = span.name
        timestamp = span.timestamp ?? 0
        duration = span.duration ?? 0
        localEndpoint = span.localEndpoint
        remoteEndpoint = span.remoteEndpoint
        annotations = span.annotations
        tags = span.tags
        debug = span.debug
        shared = span.shared
    }

    mutating func setName(_ value: String?) {
        guard let value, !value.isEmpty else { name = nil; return }
        name = zipkinLowercased(value)
    }

    /// `Builder.merge`: fills what is missing from `source`; endpoints merge field by field;
    /// annotations are concatenated (deduplicated by `build`); `source` tags win on a clash;
    /// the debug and shared flags are OR-ed.
    mutating func merge(_ source: Span) {
        if traceId == nil { traceId = source.traceId }
        if id == nil { id = source.id }
        if parentId == nil { parentId = source.parentId }
        if kind == nil { kind = source.kind }
        if name == nil { name = source.name }
        if timestamp == 0 { timestamp = source.timestamp ?? 0 }
        if duration == 0 { duration = source.duration ?? 0 }
        if let mine = localEndpoint {
            if let theirs = source.localEndpoint { localEndpoint = mine.merged(with: theirs) }
        } else {
            localEndpoint = source.localEndpoint
        }
        if let mine = remoteEndpoint {
            if let theirs = source.remoteEndpoint { remoteEndpoint = mine.merged(with: theirs) }
        } else {
            remoteEndpoint = source.remoteEndpoint
        }
        annotations.append(contentsOf: source.annotations)
        for (k, v) in source.tags { tags[k] = v }
        debug = debug || source.debug
        shared = shared || source.shared
    }

    /// `Builder.build()`: requires trace id and id (`Missing : traceId id`).
    func build() throws(SpanValidationError) -> Span {
        guard let traceId, let id else {
            var missing = ""
            if traceId == nil { missing += " traceId" }
            if id == nil { missing += " id" }
            throw SpanValidationError(field: traceId == nil ? "traceId" : "id", message: "Missing :" + missing)
        }
        return Span(normalized: self, traceId: traceId, id: id)
    }
}
