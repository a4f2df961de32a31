import AccessLogs
import Testing

@Suite("Access-log shapes")
struct ShapeTests {
    @Test("conformance: the custom Envoy json_format example")
    func envoyCustomFile() throws {
        let bytes = try AccessLogConformance.bytes("envoy-custom-format-example.json")
        let record = try AccessLogParser.parse(line: bytes, defaultService: "orders")
        #expect(record.shape == .envoyCustom)
        #expect(record.timestampMicros == 1_696_170_721_123_000) // 2023-10-01T14:32:01.123Z
        #expect(record.method == "GET")
        #expect(record.path == "/api/orders/42")
        #expect(record.responseCode == 200)
        #expect(record.durationMicros == 17_000)
        #expect(record.traceId == "463ac35c9f6413ad48485a3953bb6124")
        #expect(record.userAgent == "curl/8.4.0")
        // No cluster: the configured service's own (inbound) log.
        #expect(record.destination == AccessLogPeer(service: "orders"))
        #expect(record.source == AccessLogPeer())
        #expect(record.defaultService == "orders")
        #expect(record.raw == bytes)
    }

    @Test("conformance: the nested example (pretty-printed, several lines)")
    func nestedFile() throws {
        let bytes = try AccessLogConformance.bytes("nested-example.json")
        let record = try AccessLogParser.parse(line: bytes, defaultService: "ignored")
        #expect(record.shape == .nested)
        #expect(record.timestampMicros == 1_696_170_721_000_000) // 2023-10-01T14:32:01Z
        #expect(record.source == AccessLogPeer(workload: "frontend-v1", namespace: "production", address: "10.0.1.5"))
        #expect(record.destination == AccessLogPeer(workload: "backend-v2", namespace: "production", address: "10.0.2.3"))
        #expect(record.source.name == "frontend-v1")
        #expect(record.method == "POST")
        #expect(record.path == "/api/orders")
        #expect(record.httpProtocol == "HTTP/1.1")
        #expect(record.userAgent == "Mozilla/5.0...")
        #expect(record.requestId == "abc-def-123")
        #expect(record.responseCode == 200)
        #expect(record.durationMicros == 42_000)
        #expect(record.bytesSent == 1024)
        #expect(record.connectionSecurityPolicy == "tls")
        #expect(record.tlsVersion == "TLSv1.3")
        #expect(record.traceId == nil)
        #expect(record.raw == bytes)
    }

    @Test("Istio default JSON: every field")
    func istioFlat() throws {
        let record = try parse(istioLine, defaultService: "sleep")
        #expect(record.shape == .istio)
        #expect(record.timestampMicros == istioLineMicros)
        #expect(record.routeName == "default")
        #expect(record.method == "GET")
        #expect(record.path == "/status/418?x=1")
        #expect(record.httpProtocol == "HTTP/1.1")
        #expect(record.responseCode == 418)
        #expect(record.responseFlags == nil)
        #expect(record.responseCodeDetails == "via_upstream")
        #expect(record.bytesReceived == 0)
        #expect(record.bytesSent == 135)
        #expect(record.durationMicros == 4000)
        #expect(record.userAgent == "curl/7.73.0-DEV")
        #expect(record.requestId == "84961386-6d84-929d-98bd-c5aee93b5c88")
        #expect(record.authority == "httpbin:8000")
        #expect(record.upstreamHost == "10.44.1.27:80")
        #expect(record.upstreamCluster == "outbound|8000|v1|httpbin.foo.svc.cluster.local")
        #expect(record.downstreamRemoteAddress == "10.44.1.23:46520")
        #expect(record.source == AccessLogPeer(service: "sleep"))
        #expect(record.destination == AccessLogPeer(service: "httpbin", namespace: "foo", version: "v1"))
        #expect(record.traceId == nil)
        #expect(record.connectionSecurityPolicy == nil)
        #expect(record.statusClass == "4xx")
        #expect(record.raw == Array(istioLine.utf8))
    }

    @Test("typed values as strings, null and \"-\" as unset, unknown keys ignored")
    func lenientTyping() throws {
        let record = try parse(#"""
            {"start_time":"2026-11-22T10:00:00.123Z","response_code":"503","duration":"12.5","bytes_sent":"7",
             "bytes_received":null,"response_flags":"UF,URX","method":"-","path":null,"extra":{"deep":[1,2,{"x":null}]},
             "connection_security_policy":"mutual_tls","upstream_cluster":"-"}
            """#)
        #expect(record.timestampMicros == 1_795_341_600_123_000)
        #expect(record.responseCode == 503)
        #expect(record.durationMicros == 12_500)
        #expect(record.bytesSent == 7)
        #expect(record.bytesReceived == nil)
        #expect(record.responseFlags == "UF,URX")
        #expect(record.responseFlagList == ["UF", "URX"])
        #expect(record.method == nil)
        #expect(record.path == nil)
        #expect(record.upstreamCluster == nil)
        #expect(record.connectionSecurityPolicy == "mutual_tls")
    }

    @Test("nested: headers in any case, mutual TLS, response fields and peer labels")
    func nestedDetails() throws {
        let record = try parse(#"""
            {"timestamp":1700000000123,"source":{"workload":"productpage-v1","app":"productpage","version":"v1","namespace":"bookinfo"},
             "destination":{"service":"reviews","namespace":"bookinfo","version":"v2"},
             "request":{"method":"GET","path":"/reviews/0","headers":{"User-Agent":"Go-http-client/1.1",":authority":"reviews:9080",
               "X-Request-Id":"r-1","X-B3-TraceId":"80F198EE56343BA864FE8B2A57D3EFF7"}},
             "response":{"status":"200","duration_ms":3.25,"flags":"-","code_details":"via_upstream"},
             "tls":{"enabled":true,"mode":"ISTIO_MUTUAL"}}
            """#)
        #expect(record.shape == .nested)
        #expect(record.timestampMicros == 1_700_000_000_123_000)
        #expect(record.source == AccessLogPeer(workload: "productpage-v1", app: "productpage", namespace: "bookinfo", version: "v1"))
        #expect(record.source.name == "productpage")
        #expect(record.destination == AccessLogPeer(service: "reviews", namespace: "bookinfo", version: "v2"))
        #expect(record.userAgent == "Go-http-client/1.1")
        #expect(record.authority == "reviews:9080")
        #expect(record.requestId == "r-1")
        #expect(record.traceId == "80f198ee56343ba864fe8b2a57d3eff7")
        #expect(record.responseCode == 200)
        #expect(record.durationMicros == 3250)
        #expect(record.responseFlags == nil)
        #expect(record.responseCodeDetails == "via_upstream")
        #expect(record.connectionSecurityPolicy == "mutual_tls")
    }

    @Test("a field given directly wins over the same value from a header")
    func fieldBeatsHeader() throws {
        let record = try parse(#"""
            {"timestamp":"2026-01-01T00:00:00Z","request":{"headers":{"user-agent":"header-agent","x-request-id":"h"},
             "user_agent":"field-agent","id":"f"},"tls":{"enabled":false}}
            """#)
        #expect(record.userAgent == "field-agent")
        #expect(record.requestId == "f")
        #expect(record.connectionSecurityPolicy == "none")
    }

    @Test("each shape is reported by its keys")
    func shapeDetection() throws {
        #expect(try parse(#"{"start_time":"2026-01-01T00:00:00Z"}"#).shape == .istio)
        #expect(try parse(#"{"timestamp":"2026-01-01T00:00:00Z","status":200}"#).shape == .envoyCustom)
        #expect(try parse(#"{"timestamp":"2026-01-01T00:00:00Z","response":{"code":200}}"#).shape == .nested)
        #expect(try parse(#"{"time":"2026-01-01T00:00:00Z","upstream_cluster":"inbound|80||"}"#).shape == .istio)
    }
}
