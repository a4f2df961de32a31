import Foundation
import Hummingbird
import Storage
import Traces

/// The read side of the Zipkin v2 API (`ZipkinQueryApiV2`). Reads run on the store's
/// reader pool, concurrently with ingestion.
struct ZipkinQueryRoutes: Sendable {
    let reader: TraceReader

    /// Zipkin's `QUERY_LOOKBACK` default: one day, in milliseconds.
    static let defaultLookback: Int64 = 86_400_000

    /// `GET /api/v2/trace/{traceId}`: the merged trace, or 404 `<id> not found`.
    func trace(id: String) throws -> Response {
        let spans = try storage { try reader.trace(id: id) }
        if spans.isEmpty { throw ZipkinError(.notFound, "\(id) not found") }
        return ZipkinResponse.json(SpanJSONEncoder.encode(spans))
    }

    /// `GET /api/v2/traceMany?traceIds=a,b`: the traces found, absent ones left out.
    func traceMany(_ parameters: ZipkinParameters) throws -> Response {
        let ids = try parameters.traceIDs()
        if ids.count < 2 {
            throw ZipkinError.badRequest("Use /api/v2/trace/{traceId} endpoint to retrieve a single trace")
        }
        return ZipkinResponse.json(SpanJSONEncoder.encodeTraces(try storage { try reader.traces(ids: ids) }))
    }

    /// `GET /api/v2/traces`: newest first, `limit` traces at most.
    func traces(_ p: ZipkinParameters) throws -> Response {
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let query: TraceQuery
        do {
            query = try TraceQuery(
                serviceName: p.string("serviceName"), remoteServiceName: p.string("remoteServiceName"),
                spanName: p.string("spanName"), annotationQuery: p.string("annotationQuery"),
                minDuration: try p.int64("minDuration"), maxDuration: try p.int64("maxDuration"),
                endTs: try p.int64("endTs") ?? now, lookback: try p.int64("lookback") ?? Self.defaultLookback,
                limit: try p.int("limit") ?? 10)
        } catch let error as TraceQueryError {
            throw ZipkinError.badRequest(error.message)
        }
        return ZipkinResponse.json(SpanJSONEncoder.encodeTraces(try storage { try reader.search(query) }))
    }

    /// `GET /api/v2/dependencies?endTs=&lookback=`: `endTs` is mandatory, as in Zipkin.
    func dependencies(_ p: ZipkinParameters) throws -> Response {
        guard let endTs = try p.int64("endTs") else { throw ZipkinError.missing("endTs") }
        let lookback = try p.int64("lookback") ?? Self.defaultLookback
        let links = try storage { try reader.dependencies(endTs: endTs, lookback: lookback) }
        return ZipkinResponse.json(DependencyLink.encodeJSON(links))
    }

    func services() throws -> Response {
        let names = try storage { try reader.serviceNames() }
        return ZipkinResponse.names(names, cacheable: names.count > 3)
    }

    func spanNames(_ p: ZipkinParameters) throws -> Response {
        let service = try p.required("serviceName")
        return try names(try storage { try reader.spanNames(service: service) })
    }

    func remoteServices(_ p: ZipkinParameters) throws -> Response {
        let service = try p.required("serviceName")
        return try names(try storage { try reader.remoteServiceNames(service: service) })
    }

    func autocompleteKeys() throws -> Response {
        try names(reader.autocompleteKeys())
    }

    func autocompleteValues(_ p: ZipkinParameters) throws -> Response {
        let key = try p.required("key")
        return try names(try storage { try reader.autocompleteValues(key: key) })
    }

    /// Name lists other than `/services` are cacheable on the same condition: more than 3 services.
    private func names(_ values: [String]) throws -> Response {
        let services = try storage { try reader.serviceNames() }
        return ZipkinResponse.names(values, cacheable: services.count > 3)
    }

    /// A refused query is the client's fault (400, Zipkin's message); anything else is a
    /// storage failure (500).
    private func storage<T>(_ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as TraceQueryError {
            throw ZipkinError.badRequest(error.message)
        } catch {
            throw ZipkinError(.internalServerError, "trace storage failed: \(error)")
        }
    }
}
