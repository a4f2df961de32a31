import CompressNIO
import Hummingbird
import MeshMetrics
import NIOCore
import PromQL

/// Prometheus' response envelope: `{"status":"success","data":...,"warnings":[...],
/// "infos":[...]}` or `{"status":"error","errorType":...,"error":...}`, as
/// `application/json`, gzipped when the client accepts it (Grafana always does).
enum APIEnvelope {
    /// Bodies smaller than this are not worth a gzip header and a deflate stream.
    static let gzipThreshold = 1024

    static func success(_ request: Request, warnings: [String] = [], infos: [String] = [],
                        data: (inout JSONWriter) -> Void) -> Response {
        var writer = JSONWriter(capacity: 1024)
        writer.raw(#"{"status":"success","data":"#)
        data(&writer)
        annotations(&writer, warnings: warnings, infos: infos)
        writer.byte(0x7d)
        return response(.ok, writer.bytes, request: request)
    }

    static func success(_ request: Request, _ data: JSONValue, warnings: [String] = []) -> Response {
        success(request, warnings: warnings) { data.write(to: &$0) }
    }

    static func error(_ request: Request, _ error: APIError, warnings: [String] = []) -> Response {
        var writer = JSONWriter()
        writer.raw(#"{"status":"error","errorType":"#)
        writer.string(error.kind.rawValue)
        writer.raw(#","error":"#)
        writer.string(error.message)
        annotations(&writer, warnings: warnings, infos: [])
        writer.byte(0x7d)
        return response(error.httpStatus, writer.bytes, request: request)
    }

    /// Empty lists are left out, as Go's `omitempty` does.
    private static func annotations(_ writer: inout JSONWriter, warnings: [String], infos: [String]) {
        if !warnings.isEmpty {
            writer.raw(#","warnings":"#)
            JSONValue.strings(warnings).write(to: &writer)
        }
        if !infos.isEmpty {
            writer.raw(#","infos":"#)
            JSONValue.strings(infos).write(to: &writer)
        }
    }

    private static func response(_ status: HTTPResponse.Status, _ bytes: [UInt8], request: Request) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        var buffer = ByteBuffer(bytes: bytes)
        if bytes.count >= gzipThreshold, ResponseEncoding.acceptsGzip(request.headers[values: .acceptEncoding]),
           let compressed = try? buffer.compress(with: .gzip()) {
            buffer = compressed
            headers[.contentEncoding] = "gzip"
        }
        headers[.vary] = "Accept-Encoding"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// An error answered in Prometheus' envelope, with its `errorType` and the HTTP status
/// Prometheus 3 gives it (`web/api/v1/api.go`, `respondError`).
struct APIError: Error, Sendable, CustomStringConvertible {
    enum Kind: String, Sendable {
        case badData = "bad_data"
        case execution
        case timeout
        case canceled
        case notFound = "not_found"
        case `internal`

        var status: HTTPResponse.Status {
            switch self {
            case .badData: .badRequest
            case .execution: .unprocessableContent
            case .timeout: .serviceUnavailable
            // Prometheus 3 answers a cancelled query with nginx's "client closed request".
            case .canceled: .init(code: 499, reasonPhrase: "Client Closed Request")
            case .notFound: .notFound
            case .internal: .internalServerError
            }
        }
    }

    var kind: Kind
    var message: String
    /// Overrides `kind.status` (413 for a body over the limit, still `bad_data`).
    var status: HTTPResponse.Status?

    init(_ kind: Kind, _ message: String, status: HTTPResponse.Status? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }

    /// Prometheus' `invalidParamError`: `invalid parameter "time": cannot parse ...`.
    static func invalidParameter(_ name: String, _ reason: String) -> APIError {
        APIError(.badData, "invalid parameter \"\(name)\": \(reason)")
    }

    init(_ error: EngineError) {
        switch error.kind {
        case .badData: self.init(.badData, error.message)
        case .execution: self.init(.execution, error.message)
        case .timeout: self.init(.timeout, error.message)
        case .canceled: self.init(.canceled, error.message)
        }
    }

    var httpStatus: HTTPResponse.Status { status ?? kind.status }

    var description: String { "\(kind.rawValue): \(message)" }
}

/// A query result as Prometheus' `data` object: `{"resultType":...,"result":...}`.
enum QueryResultJSON {
    static let truncatedWarning = "results truncated due to limit"

    static func write(_ value: QueryResult.Value, to writer: inout JSONWriter) {
        switch value {
        case .scalar(let sample):
            writer.raw(#"{"resultType":"scalar","result":"#)
            writer.point(sample.timestamp, sample.value)
        case .string(let text, let timestamp):
            writer.raw(#"{"resultType":"string","result":["#)
            writer.timestamp(timestamp)
            writer.byte(0x2c)
            writer.string(text)
            writer.byte(0x5d)
        case .vector(let elements):
            writer.raw(#"{"resultType":"vector","result":["#)
            for (index, element) in elements.enumerated() {
                if index > 0 { writer.byte(0x2c) }
                writer.raw(#"{"metric":"#)
                writer.labels(element.labels)
                writer.raw(#","value":"#)
                writer.point(element.timestamp, element.value)
                writer.byte(0x7d)
            }
            writer.byte(0x5d)
        case .matrix(let series):
            writer.raw(#"{"resultType":"matrix","result":["#)
            for (index, entry) in series.enumerated() {
                if index > 0 { writer.byte(0x2c) }
                writer.raw(#"{"metric":"#)
                writer.labels(entry.labels)
                writer.raw(#","values":["#)
                for (pointIndex, point) in entry.points.enumerated() {
                    if pointIndex > 0 { writer.byte(0x2c) }
                    writer.point(point.timestamp, point.value)
                }
                writer.raw("]}")
            }
            writer.byte(0x5d)
        }
        writer.byte(0x7d)
    }

    /// Prometheus' `limit` parameter: at most `limit` series (0 = all), with a warning
    /// when some were dropped. Scalars and strings are never truncated.
    static func truncated(_ value: QueryResult.Value, limit: Int) -> (QueryResult.Value, truncated: Bool) {
        guard limit > 0 else { return (value, false) }
        switch value {
        case .vector(let elements) where elements.count > limit:
            return (.vector(Array(elements.prefix(limit))), true)
        case .matrix(let series) where series.count > limit:
            return (.matrix(Array(series.prefix(limit))), true)
        default:
            return (value, false)
        }
    }

    /// Bytes to reserve: about 30 per point.
    static func estimatedSize(_ value: QueryResult.Value) -> Int {
        switch value {
        case .vector(let elements): 64 + elements.count * 128
        case .matrix(let series): 64 + series.reduce(0) { $0 + 96 + $1.points.count * 30 }
        default: 128
        }
    }
}
