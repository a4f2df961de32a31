import Config
import Foundation
import Testing

/// `remote_write` and `span_forwarding`: Prometheus' field names and defaults, errors at
/// file:line, secrets hidden when the effective configuration is rendered.
@Suite struct ForwardingConfigTests {
    private static func parse(_ yaml: String) throws -> MeshScopeConfig {
        try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml")
    }

    private static func error(_ yaml: String) -> ConfigError? {
        do { _ = try MeshScopeConfig.parse(yaml: yaml, source: "meshscope.yaml"); return nil } catch { return error }
    }

    @Test func remoteWriteTakesPrometheusFieldsWithTheirDefaults() throws {
        let config = try Self.parse("""
            remote_write:
              - url: http://mimir:9009/api/v1/push
              - url: https://vm.example:8428/api/v1/write
                name: vm
                remote_timeout: 10s
                headers: {X-Scope-OrgID: team-a}
                basic_auth: {username: meshscope, password: s3cret}
                write_relabel_configs:
                  - {source_labels: [__name__], regex: "go_.*", action: drop}
                queue_config:
                  max_samples_per_send: 500
                  batch_send_deadline: 1s
                  min_backoff: 100ms
                  max_backoff: 10s
                  retry_on_http_429: false
                  max_queue_bytes: 1048576
                  capacity: 10000
                  max_shards: 50
            """)
        #expect(config.remoteWrite.count == 2)
        let first = config.remoteWrite[0]
        #expect(first.endpoint.url == "http://mimir:9009/api/v1/push")
        #expect(first.endpoint.name.count == 8, "a stable default name from the URL")
        #expect(first.endpoint.remoteTimeout == .seconds(30))
        #expect(first.queue.maxPerSend == 2000 && first.queue.batchSendDeadline == .seconds(5))
        #expect(first.queue.minBackoff == .milliseconds(30) && first.queue.maxBackoff == .seconds(5))
        #expect(first.queue.retryOnHTTP429 && first.queue.maxQueueBytes == 256 << 20)
        let second = config.remoteWrite[1]
        #expect(second.endpoint.name == "vm" && second.endpoint.remoteTimeout == .seconds(10))
        #expect(second.endpoint.headers == ["X-Scope-OrgID": "team-a"])
        #expect(try second.endpoint.authorizationHeader() == "Basic " + Data("meshscope:s3cret".utf8).base64EncodedString())
        #expect(second.writeRelabelConfigs.count == 1)
        #expect(second.queue.maxPerSend == 500 && second.queue.batchSendDeadline == .seconds(1))
        #expect(second.queue.minBackoff == .milliseconds(100) && second.queue.maxBackoff == .seconds(10))
        #expect(!second.queue.retryOnHTTP429 && second.queue.maxQueueBytes == 1_048_576)
        // The effective config never shows the password.
        #expect(!config.yamlDescription.contains("s3cret"))
        #expect(config.yamlDescription.contains("password: <secret>"))
        // And renders back to the same configuration.
        #expect(try Self.parse(config.yamlDescription.replacingOccurrences(of: "<secret>", with: "s3cret")) == config)
    }

    @Test func spanForwardingTakesEncodingAndQueue() throws {
        let config = try Self.parse("""
            span_forwarding:
              - url: http://zipkin:9411/api/v2/spans
              - url: http://otel-collector:9411/api/v2/spans
                name: otel
                encoding: proto3
                authorization: {credentials: token-1}
                queue_config: {max_spans_per_send: 200, batch_send_deadline: 250ms}
            """)
        #expect(config.spanForwarding.map(\.encoding) == [.json, .proto3])
        #expect(config.spanForwarding[0].queue.maxPerSend == 1000 && config.spanForwarding[0].queue.batchSendDeadline == .seconds(1))
        #expect(config.spanForwarding[1].queue.maxPerSend == 200)
        #expect(try config.spanForwarding[1].endpoint.authorizationHeader() == "Bearer token-1")
    }

    @Test func credentialsFilesAreReadWhenUsed() throws {
        let path = NSTemporaryDirectory() + "meshscope-token-\(UUID().uuidString)"
        try "from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try Self.parse("""
            remote_write:
              - url: http://r/api/v1/write
                authorization: {type: Token, credentials_file: \(path)}
            """)
        #expect(try config.remoteWrite[0].endpoint.authorizationHeader() == "Token from-file")
    }

    @Test func mistakesAreReportedWithTheirLine() throws {
        let cases: [(String, Int, String)] = [
            ("remote_write:\n  - name: x\n", 2, "missing required key \"url\""),
            ("remote_write:\n  - url: ftp://host/x\n", 2, "is not an http or https URL"),
            ("remote_write:\n  - url: http://a/w\n  - url: http://a/w\n", 3, "is used twice"),
            ("remote_write:\n  - url: http://a/w\n    name: \"a b\"\n", 3, "may only contain"),
            ("remote_write:\n  - url: http://a/w\n    headers: {Content-Type: x}\n", 3, "cannot be overridden"),
            ("remote_write:\n  - url: http://a/w\n    queue_config: {max_samples_per_send: 0}\n", 3, "must be greater than 0"),
            ("remote_write:\n  - url: http://a/w\n    queue_config:\n      min_backoff: 2s\n      max_backoff: 1s\n", 5,
             "below min_backoff"),
            ("remote_write:\n  - url: http://a/w\n    queue_config: {max_spans_per_send: 5}\n", 3, "unknown key \"max_spans_per_send\""),
            ("span_forwarding:\n  - url: http://a/s\n    encoding: thrift\n", 3, "is not one of"),
            ("span_forwarding:\n  - url: http://a/s\n    basic_auth: {username: u}\n    authorization: {credentials: c}\n", 4,
             "at most one of basic_auth and authorization"),
        ]
        for (yaml, line, reason) in cases {
            let error = try #require(Self.error(yaml), "\(yaml) should be rejected")
            #expect(error.line == line, "\(yaml): \(error)")
            #expect(error.reason.contains(reason), "\(yaml): \(error)")
        }
    }
}
