import AccessLogs
import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage
import Traces

/// The access-log API under `/api/v1/logs`, answered in Prometheus' envelope:
/// - `POST /api/v1/logs`: NDJSON, one record a line, optionally gzip. All or nothing: a
///   body with any bad line is refused with 400 naming each bad line (number and reason)
///   and nothing of it is stored; otherwise 202 once every record has committed.
///   `?service=` names the sender's service, for records that name no destination.
/// - `GET /api/v1/logs`: newest first, one page per request (`nextCursor` for the next);
///   JSON, or the raw lines with `Accept: application/x-ndjson` (cursor in `X-Next-Cursor`).
/// - `GET /api/v1/logs/stats`: counts by status class and by destination, same filters.
/// - `GET /api/v1/traces/{traceId}/logs`: the records of a trace, oldest first: those
///   carrying its id, and those whose request id one of its spans carries as
///   `guid:x-request-id`.
enum LogRoutes {
    static func register(on router: Router<BasicRequestContext>, context: ServerContext, logs: LogStore) {
        let routes = LogRoutes.Handlers(context: context, logs: logs)
        APIRoutes.route(router, "/api/v1/logs", [.get, .post]) { request, _ in
            request.method == .post ? await routes.ingest(request) : await routes.search(request)
        }
        APIRoutes.route(router, "/api/v1/logs/stats", [.get]) { request, _ in await routes.stats(request) }
        APIRoutes.route(router, "/api/v1/traces/{traceId}/logs", [.get]) { request, requestContext in
            await routes.traceLogs(request, traceId: requestContext.parameters.get("traceId") ?? "")
        }
    }

    struct Handlers: Sendable {
        let context: ServerContext
        let logs: LogStore
        let logger = Logger(label: "meshscope.logs")

        func ingest(_ request: Request) async -> Response {
            await respond(request) { parameters throws(APIError) in
                let limit = await context.config().limits.maxBodyBytes
                let body: [UInt8]
                do {
                    body = try await RequestBody.read(request, maxBytes: limit)
                } catch let failure as RequestBody.Failure {
                    throw APIError(.badData, failure.message, status: failure.status)
                } catch {
                    throw APIError(.badData, "\(error)")
                }
                let batch = NDJSONBatch.parse(body, defaultService: parameters.value("service"))
                guard batch.isValid else {
                    let lines = batch.errors.map(\.description).joined(separator: "; ")
                    let more = batch.badLineCount > batch.errors.count ? "; and \(batch.badLineCount - batch.errors.count) more" : ""
                    throw APIError(.badData, "\(batch.badLineCount) of \(batch.lineCount) lines rejected, nothing stored: \(lines)\(more)")
                }
                var stored = 0
                if !batch.records.isEmpty {
                    do {
                        stored = try await logs.append(batch.records).stored
                    } catch {
                        logger.error("storing log records failed", metadata: ["error": "\(error)", "records": "\(batch.records.count)"])
                        if let full = error as? StorageError, full.isStorageFull {
                            // Disk full (SQLITE_FULL): nothing stored, retry once space returns.
                            throw APIError(.internal, "cannot store log records: \(full)",
                                           status: .init(code: 507, reasonPhrase: "Insufficient Storage"))
                        }
                        throw APIError(.internal, "cannot store log records: \(error)")
                    }
                }
                var response = APIEnvelope.success(request) { writer in
                    writer.raw(#"{"stored":"#)
                    writer.raw(String(stored))
                    writer.byte(0x7d)
                }
                response.status = .accepted
                return response
            }
        }

        func search(_ request: Request) async -> Response {
            await respond(request) { parameters throws(APIError) in
                let query = try LogQueryParameters.query(parameters)
                let page = try read { try logs.reader.search(query) }
                if Self.wantsNDJSON(request) { return Self.ndjson(page) }
                return APIEnvelope.success(request) { writer in
                    writer.raw(#"{"records":["#)
                    for (index, record) in page.records.enumerated() {
                        if index > 0 { writer.byte(0x2c) }
                        LogRecordJSON.write(record, to: &writer)
                    }
                    writer.raw(#"],"nextCursor":"#)
                    if let cursor = page.nextCursor { writer.string(cursor) } else { writer.raw("null") }
                    writer.byte(0x7d)
                }
            }
        }

        func stats(_ request: Request) async -> Response {
            await respond(request) { parameters throws(APIError) in
                let query = try LogQueryParameters.query(parameters)
                let stats = try read { try logs.reader.stats(query) }
                return APIEnvelope.success(request) { writer in
                    writer.raw(#"{"total":"#)
                    writer.raw(String(stats.total))
                    writer.raw(#","byStatusClass":{"#)
                    for (index, (statusClass, count)) in stats.byStatusClass.sorted(by: { $0.key < $1.key }).enumerated() {
                        if index > 0 { writer.byte(0x2c) }
                        writer.string(statusClass)
                        writer.byte(0x3a)
                        writer.raw(String(count))
                    }
                    writer.raw(#"},"byDestination":["#)
                    for (index, destination) in stats.byDestination.enumerated() {
                        if index > 0 { writer.byte(0x2c) }
                        writer.raw(#"{"service":"#)
                        if let service = destination.service { writer.string(service) } else { writer.raw("null") }
                        writer.raw(#","count":"#)
                        writer.raw(String(destination.count))
                        writer.byte(0x7d)
                    }
                    writer.raw("]}")
                }
            }
        }

        func traceLogs(_ request: Request, traceId: String) async -> Response {
            await respond(request) { _ throws(APIError) in
                // Records without a trace id still join through the request ids on the spans.
                var requestIds: [String] = []
                if let traces = context.traces {
                    let spans = (try? traces.reader.trace(id: traceId)) ?? []
                    requestIds = spans.compactMap { $0.tags["guid:x-request-id"] }
                }
                let records = try read { try logs.reader.records(traceId: traceId, requestIds: requestIds) }
                return APIEnvelope.success(request) { writer in
                    writer.raw(#"{"records":["#)
                    for (index, record) in records.enumerated() {
                        if index > 0 { writer.byte(0x2c) }
                        LogRecordJSON.write(record, to: &writer)
                    }
                    writer.raw("]}")
                }
            }
        }

        /// Runs a handler over the URL's parameters, answering any `APIError` in the envelope.
        private func respond(_ request: Request,
                             _ body: (APIParameters) async throws(APIError) -> Response) async -> Response {
            do {
                return try await body(APIParameters(query: request.uri.query ?? ""))
            } catch {
                return APIEnvelope.error(request, error)
            }
        }

        /// A store read: a bad filter value is the client's (400), anything else ours (500).
        private func read<T>(_ body: () throws -> T) throws(APIError) -> T {
            do {
                return try body()
            } catch let error as QueryParameterError {
                throw APIError.invalidParameter(error.parameter, error.description)
            } catch {
                throw APIError(.internal, "\(error)")
            }
        }

        static func wantsNDJSON(_ request: Request) -> Bool {
            request.headers[values: .accept].contains { $0.lowercased().contains("application/x-ndjson") }
        }

        /// The raw lines of the page, each followed by a newline, exactly as received.
        static func ndjson(_ page: LogPage) -> Response {
            var buffer = ByteBuffer()
            for record in page.records {
                buffer.writeBytes(record.raw)
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
            var headers: HTTPFields = [.contentType: "application/x-ndjson"]
            if let cursor = page.nextCursor { headers[.init("X-Next-Cursor")!] = cursor }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
        }
    }
}
