/// The span-level part of the JSON v2 decoder: walks the list and each span object the way
/// `V2SpanReader` does, feeding a `SpanBuilder`.
///
/// A value that is well-formed JSON but invalid (bad hex, wrong type, unknown kind) does
/// not stop the reader at once: the first such problem is kept and reported when the span
/// object ends, so the error can name the span's id even when `id` comes after the bad field.
struct JSONSpanParser {
    var reader: JSONReader
    let list: Bool
    /// Position of the span being read in the list.
    var index = 0
    /// The first recoverable problem of the current span.
    var pending: JSONFailure?
    /// The span field being read, to name it in syntax errors.
    var currentKey: JSONKey = .other
    var insideSpan = false
    var currentId: String?

    init(_ reader: JSONReader, list: Bool) {
        self.reader = reader
        self.list = list
    }

    mutating func readList() throws(SpanDecodingError) -> [Span] {
        do throws(JSONFailure) {
            try reader.expect(UInt8(ascii: "["))
            var spans: [Span] = []
            var first = true
            while try reader.hasNext(&first, close: UInt8(ascii: "]")) {
                spans.append(try span())
                index += 1
            }
            try end()
            return spans
        } catch {
            throw convert(error)
        }
    }

    mutating func readOne() throws(SpanDecodingError) -> Span {
        do throws(JSONFailure) {
            let s = try span()
            try end()
            return s
        } catch {
            throw convert(error)
        }
    }

    /// Only whitespace may follow the value.
    mutating func end() throws(JSONFailure) {
        reader.skipWhitespace()
        if reader.i != reader.p.count {
            throw reader.syntax("unexpected data after the \(list ? "list" : "span")")
        }
    }

    mutating func span() throws(JSONFailure) -> Span {
        let t = try reader.token()
        guard t == .beginObject else { throw reader.syntax("expected a span object but was \(t.rawValue)") }
        let start = reader.i
        reader.i += 1
        insideSpan = true
        pending = nil
        currentId = nil
        var b = SpanBuilder()
        var first = true
        while try reader.hasNext(&first, close: UInt8(ascii: "}")) {
            let key = try fieldName()
            currentKey = key
            switch key {
            case .traceId: b.traceId = try id(.traceId)
            case .id:
                b.id = try id(.id)
                currentId = b.id
            default:
                if try reader.peek() == UInt8(ascii: "n") {
                    try reader.literal("null") // V2SpanReader skips nulls of optional fields
                    continue
                }
                switch key {
                case .parentId: b.parentId = try id(.parentId)
                case .kind:
                    let at = reader.i
                    if let text = try string(field: "kind") {
                        let kind = text.utf8.withContiguousStorageIfAvailable { SpanKind(jsonBytes: $0) } ?? nil
                        if let kind { b.kind = kind } else {
                            fail(.value("No enum constant zipkin2.Span.Kind.\(text)"), at: at, field: "kind")
                        }
                    }
                case .name: if let s = try string(field: "name") { b.setName(s) }
                case .timestamp: if let v = try long(field: "timestamp") { b.timestamp = max(0, v) }
                case .duration: if let v = try long(field: "duration") { b.duration = max(0, v) }
                case .localEndpoint: b.localEndpoint = try endpoint("localEndpoint")
                case .remoteEndpoint: b.remoteEndpoint = try endpoint("remoteEndpoint")
                case .annotations: try annotations(&b)
                case .tags: try tags(&b)
                case .debug: if try bool(field: "debug") == true { b.debug = true }
                case .shared: if try bool(field: "shared") == true { b.shared = true }
                default: try reader.skipValue()
                }
            }
        }
        if var pending {
            pending.offset = max(pending.offset, start)
            throw pending
        }
        do throws(SpanValidationError) {
            let span = try b.build()
            insideSpan = false
            return span
        } catch {
            throw JSONFailure(kind: .validation(error), offset: start, field: error.field)
        }
    }

    mutating func fieldName() throws(JSONFailure) -> JSONKey {
        let k = try reader.name()
        if !k.escaped { return JSONKey(reader.raw(k)) }
        var text = try reader.string(k)
        return text.withUTF8 { JSONKey($0) }
    }

    /// Keeps the first recoverable problem of the span.
    mutating func fail(_ kind: JSONFailure.Kind, at offset: Int, field: @autoclosure () -> String) {
        guard pending == nil else { return }
        pending = JSONFailure(kind: kind, offset: offset, field: field())
    }

    /// gson's location suffix, used in the messages Zipkin passes through from gson.
    func path(_ field: String, at offset: Int) -> String {
        "at \(reader.location(offset)) path $\(list ? "[\(index)]" : "").\(field)"
    }

    func convert(_ f: JSONFailure) -> SpanDecodingError {
        let kind: SpanDecodingError.Kind
        let reason: String
        var detail: String?
        switch f.kind {
        case .syntax(let d):
            kind = .malformed; reason = "Malformed"; detail = d
        case .endOfInput:
            kind = .truncated; reason = "End of input at \(reader.location(f.offset))"
        case .value(let message):
            kind = .invalidField; reason = message
        case .validation(let e):
            kind = .invalidField; reason = e.message
        }
        let inSpan = insideSpan || pending != nil
        return SpanDecodingError(
            kind: kind, format: .json, reason: reason, detail: detail,
            spanIndex: list && inSpan ? index : nil, spanId: inSpan ? currentId : nil,
            field: inSpan ? (f.field ?? currentKey.name) : nil, byteOffset: f.offset, list: list)
    }
}
