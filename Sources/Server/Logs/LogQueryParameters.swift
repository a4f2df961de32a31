import AccessLogs
import Foundation
import Storage

/// The filters of `GET /api/v1/logs` and `/api/v1/logs/stats`, read from the URL query
/// into a typed `LogQuery`. Times take the query API's forms (RFC 3339 or Unix seconds);
/// `min_duration` is milliseconds or a duration (`250ms`, `1.5s`); `status` is a code or
/// a class (`5xx`); `response_flags` a comma list (any of them matches).
enum LogQueryParameters {
    static func query(_ parameters: APIParameters) throws(APIError) -> LogQuery {
        var query = LogQuery()
        query.startMicros = try time(parameters, "start")
        query.endMicros = try time(parameters, "end")
        if let start = query.startMicros, let end = query.endMicros, end < start {
            throw APIError.invalidParameter("end", "end timestamp must not be before start time")
        }
        query.service = parameters.value("service")
        query.source = parameters.value("source")
        query.destination = parameters.value("destination")
        query.method = parameters.value("method")
        do {
            if let status = parameters.value("status") { query.status = try StatusFilter(parsing: status) }
            if let duration = parameters.value("min_duration") {
                query.minDurationMicros = try QueryDuration.micros(parsing: duration)
            }
        } catch {
            throw APIError.invalidParameter(error.parameter, error.description)
        }
        query.responseFlags = parameters.values("response_flags")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        query.traceId = parameters.value("trace_id")
        query.requestId = parameters.value("request_id")
        query.text = parameters.value("q")
        query.cursor = parameters.value("cursor")
        if let text = parameters.value("limit") {
            guard let limit = Int(text), limit > 0 else {
                throw APIError.invalidParameter("limit", "must be a positive integer, got \"\(text)\"")
            }
            query.limit = min(limit, LogQuery.maxLimit)
        }
        return query
    }

    private static func time(_ parameters: APIParameters, _ name: String) throws(APIError) -> Int64? {
        guard let text = parameters.value(name) else { return nil }
        guard let millis = APITime.parseTime(text) else {
            throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid timestamp")
        }
        let (micros, overflow) = millis.multipliedReportingOverflow(by: 1000)
        return overflow ? (millis < 0 ? .min : .max) : micros
    }
}
