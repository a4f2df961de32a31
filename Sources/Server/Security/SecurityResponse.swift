import Hummingbird

/// Refusals in the body each protocol's clients expect: Prometheus' JSON envelope on
/// `/api/v1/*`, Zipkin's plain text on `/api/v2/*`, plain text elsewhere.
enum SecurityResponse {
    static func refuse(_ decision: AuthDecision, routeClass: RouteClass, path: String) -> Response {
        let needed = "a valid \(routeClass.rawValue) token"
        switch decision {
        case .allowed:
            return PlainError.response(.ok, "")
        case .missing:
            var response = body(.unauthorized, errorType: "unauthorized", path: path,
                                "authorization required: send Authorization: Bearer with \(needed)")
            response.headers[.wwwAuthenticate] = #"Bearer realm="meshscope""#
            return response
        case .invalid:
            var response = body(.unauthorized, errorType: "unauthorized", path: path,
                                "invalid bearer token: this route needs \(needed)")
            response.headers[.wwwAuthenticate] = #"Bearer realm="meshscope", error="invalid_token""#
            return response
        case .forbidden:
            return body(.forbidden, errorType: "forbidden", path: path,
                        "forbidden: the token is not valid for \(routeClass.rawValue) routes")
        }
    }

    static func rateLimited(retryAfterSeconds: Double, path: String) -> Response {
        let seconds = max(1, Int(retryAfterSeconds.rounded(.up)))
        var response = body(.tooManyRequests, errorType: "too_many_requests", path: path,
                            "rate limit exceeded for this client: retry after \(seconds)s")
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    static func body(_ status: HTTPResponse.Status, errorType: String, path: String, _ message: String) -> Response {
        guard path.hasPrefix("/api/v1/") else { return PlainError.response(status, message) }
        // The messages are ours (no client input), so only quotes and backslashes need escaping.
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let json = #"{"status":"error","errorType":"\#(errorType)","error":"\#(escaped)"}"#
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: .init(string: json)))
    }
}
