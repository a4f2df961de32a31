import Config
import Hummingbird
import NIOCore

/// A request's parameters as Go's `Request.ParseForm` sees them: a form-encoded POST
/// body first, then the URL query. Empty values count as absent, as Prometheus'
/// `r.FormValue(name) == ""` checks do.
struct APIParameters: Sendable {
    private let body: String
    private let query: String

    init(query: String, body: String = "") {
        self.query = query
        self.body = body
    }

    /// Reads the URL query and, for a form-encoded POST, the body, refusing bodies over
    /// `maxBodyBytes` with 413 before buffering them whole.
    static func read(_ request: Request, maxBodyBytes: Int) async throws(APIError) -> APIParameters {
        let query = request.uri.query ?? ""
        guard request.method == .post, isForm(request.headers[.contentType]) else {
            return APIParameters(query: query)
        }
        let tooLarge = APIError(.badData, "request body is larger than the limit of \(maxBodyBytes) bytes (limits.max_body_bytes)",
                                status: .contentTooLarge)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw tooLarge
        }
        do {
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            return APIParameters(query: query, body: String(buffer: buffer))
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw APIError(.badData, "error parsing form values: \(error)")
        }
    }

    private static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return mediaType == "application/x-www-form-urlencoded"
    }

    /// Every value of `name` (`match[]` repeats), body values first.
    func values(_ name: String) -> [String] {
        (FederationRoute.formValues(of: name, in: body) + FederationRoute.formValues(of: name, in: query))
            .filter { !$0.isEmpty }
    }

    /// The first non-empty value of `name`, nil when absent or empty.
    func value(_ name: String) -> String? {
        values(name).first
    }

    /// Prometheus' `parseLimitParam`: absent is 0 (no limit), negative is an error.
    func limit() throws(APIError) -> Int {
        guard let text = value("limit") else { return 0 }
        guard let limit = Int(text) else {
            throw APIError.invalidParameter("limit", "strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        if limit < 0 { throw APIError.invalidParameter("limit", "limit must be non-negative") }
        return limit
    }

    /// The parameters as given, for the running-query list and the slow-query log.
    func described(_ names: [String]) -> [(String, String)] {
        names.compactMap { name in value(name).map { (name, $0) } }
    }
}

/// Time and duration parameters as Prometheus reads them (`parseTime`,
/// `parseDuration` in web/api/v1/api.go), in milliseconds.
enum APITime {
    /// Prometheus' MinTime and MaxTime in RFC 3339, which clients send for "unbounded".
    static let minTimeText = "-292273086-05-16T16:47:06Z"
    static let maxTimeText = "292277025-08-18T07:12:54.999999999Z"
    /// Query evaluation times beyond this (about 36 million years) are refused, so the
    /// engine's offset and range arithmetic cannot overflow.
    static let evaluableMilliseconds: Int64 = 1 << 60

    /// Unix seconds with an optional fraction (rounded to the millisecond) or RFC 3339
    /// (truncated to the millisecond); the MinTime/MaxTime texts map to Int64.min/max.
    static func parseTime(_ text: String) -> Int64? {
        if let seconds = Double(text) {
            guard seconds.isFinite, seconds.magnitude < 9.2e15 else { return nil }
            let whole = seconds.rounded(.towardZero)
            return Int64(whole) * 1000 + Int64(((seconds - whole) * 1000).rounded())
        }
        if text == minTimeText { return .min }
        if text == maxTimeText { return .max }
        return RFC3339.parse(text)
    }

    /// Float seconds or a Prometheus duration (`5m`, `1h30m`), in milliseconds
    /// (float seconds truncated, as Go's `time.Duration` to milliseconds).
    static func parseDuration(_ text: String) throws(APIDurationError) -> Int64 {
        if let seconds = Double(text) {
            // Go's limit: the duration in nanoseconds must fit an Int64.
            guard seconds.isFinite, (seconds * 1e9).magnitude < 9.2e18 else { throw .overflow }
            return Int64((seconds * 1000).rounded(.towardZero))
        }
        guard let duration = try? PromDuration(parsing: text) else { throw .invalid }
        return duration.milliseconds
    }

    enum APIDurationError: Error { case invalid, overflow }
}

extension APIParameters {
    /// `parseTimeParam`: `fallback` when absent, `invalid parameter` when malformed.
    func time(_ name: String, default fallback: Int64) throws(APIError) -> Int64 {
        guard let text = value(name) else { return fallback }
        guard let milliseconds = APITime.parseTime(text) else {
            throw APIError.invalidParameter(name, "Invalid time value for '\(name)': cannot parse \"\(text)\" to a valid timestamp")
        }
        return milliseconds
    }

    /// A time to evaluate at: `time` (default now, read like `parseTimeParam`), or the
    /// required `start`/`end` of a range query (no default, read like `parseTime`),
    /// bounded so the engine's arithmetic cannot overflow.
    func evaluationTime(_ name: String, default fallback: Int64?) throws(APIError) -> Int64 {
        let milliseconds: Int64
        if let fallback {
            milliseconds = try time(name, default: fallback)
        } else {
            let text = value(name) ?? ""
            guard let parsed = APITime.parseTime(text) else {
                throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid timestamp")
            }
            milliseconds = parsed
        }
        guard milliseconds.magnitude < APITime.evaluableMilliseconds.magnitude else {
            throw APIError.invalidParameter(name, "\"\(value(name) ?? "")\" is out of the range of timestamps MeshScope evaluates")
        }
        return milliseconds
    }

    /// A duration parameter in milliseconds, nil when absent.
    func duration(_ name: String) throws(APIError) -> Int64? {
        guard let text = value(name) else { return nil }
        do {
            return try APITime.parseDuration(text)
        } catch .overflow {
            throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid duration. It overflows int64")
        } catch {
            throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid duration")
        }
    }
}
