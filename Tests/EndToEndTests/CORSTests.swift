import Foundation
import Testing

extension EndToEnd {
    /// Browser pages on other origins reading the APIs: `Access-Control-*` headers for
    /// origins `server.cors_origin` matches, preflights answered before the token check,
    /// nothing for pages or for origins it does not match.
    @Suite struct CORSTests {
        static let grafana = "https://grafana.example"

        @Test func apisAnswerMatchingOriginsAndPreflights() async throws {
            try await withTemporaryDirectory("cors") { dir in
                let serve = try await APIServer.start(in: dir)
                defer { serve.terminateIfRunning() }
                let api = APIClient(serve)
                let origin = [("Origin", Self.grafana)]

                let query = try await api.send(.GET, "/api/v1/query?query=1", body: nil, headers: origin)
                #expect(query.isSuccess && query.header("Access-Control-Allow-Origin") == Self.grafana, "\(query.headers)")
                #expect(query.header("Vary")?.contains("Origin") == true)
                #expect(query.header("Access-Control-Expose-Headers") == "Date")
                let spans = try await api.send(.GET, "/api/v2/services", body: nil, headers: origin)
                #expect(spans.status == 200 && spans.header("Access-Control-Allow-Origin") == Self.grafana)

                let preflight = try await api.send(.OPTIONS, "/api/v1/query_range", body: nil, headers: origin + [
                    ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type"),
                ])
                #expect(preflight.status == 204, "\(preflight)")
                #expect(preflight.header("Access-Control-Allow-Methods")?.contains("POST") == true)
                #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Content-Type") == true)

                let sameOrigin = try await api.send(.GET, "/api/v1/query?query=1", body: nil)
                #expect(sameOrigin.header("Access-Control-Allow-Origin") == nil, "no Origin, no CORS headers")
                let page = try await api.send(.GET, "/targets", body: nil, headers: origin)
                #expect(page.status == 200 && page.header("Access-Control-Allow-Origin") == nil, "pages are not shared")

                // Only the configured origin, and a preflight still needs no token.
                try await APIServer.reconfigure(serve, in: dir, sections: """
                    server:
                      cors_origin: "https://grafana\\\\.example"
                    auth:
                      query_tokens: [secret-token]
                    """)
                let other = try await api.send(.GET, "/api/v1/query?query=1", body: nil, headers: [("Origin", "https://evil.example"),
                                                                                                   ("Authorization", "Bearer secret-token")])
                #expect(other.isSuccess && other.header("Access-Control-Allow-Origin") == nil, "\(other.headers)")
                let refusedPreflight = try await api.send(.OPTIONS, "/api/v1/query", body: nil, headers: [("Origin", "https://evil.example")])
                #expect(refusedPreflight.status == 403)
                let allowedPreflight = try await api.send(.OPTIONS, "/api/v1/query", body: nil, headers: origin)
                #expect(allowedPreflight.status == 204 && allowedPreflight.header("Access-Control-Allow-Origin") == Self.grafana)
                // Refused for want of a token, readable by the page that asked.
                let noToken = try await api.send(.GET, "/api/v1/query?query=1", body: nil, headers: origin)
                #expect(noToken.status == 401 && noToken.header("Access-Control-Allow-Origin") == Self.grafana, "\(noToken)")
                try await serve.stop()
            }
        }
    }
}
