import Foundation
import Hummingbird
import Testing

extension EndToEnd {
    /// A sidecar given `--collector-token-file` keeps shipping spans and access logs to a
    /// collector that requires an ingest token.
    @Suite struct ProxyAuthTests {
        @Test func proxyShipsWithTheIngestToken() async throws {
            try await withTemporaryDirectory("proxy-auth") { dir in
                let tokenFile = join(dir, "ingest.token")
                try write("proxy-ingest-token\n", to: tokenFile)
                let collectorConfig = join(dir, "meshscope.yaml")
                try write("auth:\n  ingest_token_files: [\(tokenFile)]\n  query_tokens: [reader]\n", to: collectorConfig)
                let collector = try await ServeProcess.start(dataDir: join(dir, "data"), config: collectorConfig, workDir: dir)
                defer { collector.terminateIfRunning() }
                let collectorPort = try #require(URL(string: collector.baseURL)?.port)

                let router = Router()
                router.get("/ratings/{id}") { _, _ in "ratings v1" }
                let (appPort, appTask) = try await LoopbackServer.start(router, name: "the app")
                defer { appTask.cancel() }
                let proxyConfig = join(dir, "ratings.yaml")
                try write("""
                    apiVersion: meshscope/v1
                    kind: ProxyConfig
                    metadata: {name: ratings-v1, namespace: default}
                    spec:
                      workload: {app: ratings, version: v1}
                      listeners:
                        inbound: {port: 0, app: "127.0.0.1:\(appPort)"}
                        admin: {port: 0}
                      collector: {address: "127.0.0.1:\(collectorPort)"}
                      tracing: {samplingPercentage: 100}
                      accessLog: {path: \(join(dir, "ratings-access.log"))}
                    """, to: proxyConfig)
                let proxy = try await ProxyProcess.start(config: proxyConfig, workDir: dir, name: "ratings",
                                                         extraArguments: ["--collector-token-file", tokenFile])
                defer { proxy.terminateIfRunning() }
                let answer = try await HTTP.get("http://127.0.0.1:\(proxy.inbound)/ratings/1", headers: [("Host", "ratings:9080")])
                #expect(answer.status == 200, "\(answer.status) \(answer.text)")

                _ = try await eventually("the span at the collector", timeout: .seconds(20), context: collector.logTail) {
                    let services = try await SecurityHTTP.send("GET", collector.baseURL + "/api/v2/services", token: "reader").text
                    return services.contains("ratings") ? true : nil
                }
                _ = try await eventually("the access log at the collector", timeout: .seconds(20), context: collector.logTail) {
                    let logs = try await SecurityHTTP.send("GET", collector.baseURL + "/api/v1/logs", token: "reader").text
                    return logs.contains("/ratings/1") ? true : nil
                }
                let metrics = try await SecurityHTTP.send("GET", collector.baseURL + "/metrics", token: "reader").text
                for reason in ["missing", "invalid", "forbidden"] {
                    let refused = SecurityHTTP.sampleValue(
                        metrics, "meshscope_http_auth_failures_total{reason=\"\(reason)\",route_class=\"ingest\"}")
                    #expect(refused == 0, "no shipped request was refused (\(reason))")
                }
                try await collector.stop()
            }
        }
    }
}
