import Hummingbird
import Logging
import Storage
import Traces

/// `POST /api/v2/spans`, as Zipkin's `ZipkinHttpCollector`:
/// - `application/x-protobuf` is a proto3 `ListOfSpans`; any other content type, or none,
///   is read as a JSON v2 list (Zipkin routes unmatched types to its JSON handler rather
///   than answering 415).
/// - An empty body, or `[]`, is accepted and stores nothing.
/// - A body that does not decode is answered 400 with the decoder's message (Zipkin's
///   wording, then span, field and byte), and nothing from it is stored: every span is
///   decoded before the first one is written, and the append is one transaction.
/// - `202 Accepted` is sent only once `TraceStore.append` has committed; a span over the
///   store's span size limit refuses the request with 413.
struct ZipkinCollector: Sendable {
    let store: TraceStore
    let maxBodyBytes: @Sendable () async -> Int
    let logger = Logger(label: "meshscope.zipkin")

    func accept(_ request: Request) async throws -> Response {
        let body = try await ZipkinBody.read(request, maxBytes: await maxBodyBytes())
        let spans: [Span]
        do {
            spans = try decode(body, contentType: request.headers[.contentType])
        } catch {
            logger.debug("spans refused", metadata: ["error": "\(error)"])
            throw ZipkinError.badRequest(error.description)
        }
        if spans.isEmpty { return ZipkinResponse.accepted }
        do {
            try await store.append(spans)
        } catch let error as TraceAppendError {
            // A span over `maxSpanBytes`: the request is too large in the sense of RFC 9110.
            throw ZipkinError(.contentTooLarge, error.description)
        } catch let error as StorageError where error.isStorageFull {
            // Disk full (SQLITE_FULL): nothing stored, retry once space returns.
            logger.error("storing spans failed: storage full", metadata: ["error": "\(error)", "spans": "\(spans.count)"])
            throw ZipkinError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "cannot store spans: \(error)")
        } catch {
            logger.error("storing spans failed", metadata: ["error": "\(error)", "spans": "\(spans.count)"])
            throw ZipkinError(.internalServerError, "cannot store spans: \(error)")
        }
        return ZipkinResponse.accepted
    }

    func decode(_ body: [UInt8], contentType: String?) throws(SpanDecodingError) -> [Span] {
        if body.isEmpty { return [] }
        if Self.isProtobuf(contentType) { return try SpanProtoDecoder.decodeList(body) }
        return try SpanJSONDecoder.decodeList(body)
    }

    static func isProtobuf(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/x-protobuf"
    }
}
