import Hummingbird

/// Plain-text error bodies for the non-API endpoints (`/federate`, `/-/reload`).
enum PlainError {
    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: .init(string: message + "\n")))
    }
}
