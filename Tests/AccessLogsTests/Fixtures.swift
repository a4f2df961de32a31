import AccessLogs
import Foundation
import Testing

/// The peer suites in `shared/conformance/access-logs`, beside the repository root (three
/// levels above this file: `Tests/AccessLogsTests/<file>`), as the PromQL runner finds them.
enum AccessLogConformance {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // AccessLogsTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repo root
        .deletingLastPathComponent() // its parent, which holds shared/
        .appendingPathComponent("shared/conformance/access-logs")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// An Istio default-JSON line with all 24 keys, as the sleep → httpbin client proxy logs it.
let istioLine = #"""
{"start_time":"2020-11-25T21:26:18.409Z","route_name":"default","method":"GET","path":"/status/418?x=1","protocol":"HTTP/1.1","response_code":418,"response_flags":"-","response_code_details":"via_upstream","connection_termination_details":null,"bytes_received":0,"bytes_sent":135,"duration":4,"upstream_service_time":"4","x_forwarded_for":null,"user_agent":"curl/7.73.0-DEV","request_id":"84961386-6d84-929d-98bd-c5aee93b5c88","authority":"httpbin:8000","upstream_host":"10.44.1.27:80","upstream_cluster":"outbound|8000|v1|httpbin.foo.svc.cluster.local","upstream_local_address":"10.44.1.23:37652","downstream_local_address":"10.0.45.184:8000","downstream_remote_address":"10.44.1.23:46520","requested_server_name":null,"upstream_transport_failure_reason":null}
"""#

/// 2020-11-25T21:26:18.409Z in µs.
let istioLineMicros: Int64 = 1_606_339_578_409_000

func parse(_ text: String, defaultService: String? = nil) throws -> AccessLogRecord {
    try AccessLogParser.parse(line: Array(text.utf8), defaultService: defaultService)
}

/// The error a line raises; fails the test when it parses.
func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> AccessLogParseError? {
    parseError(Array(text.utf8), sourceLocation: sourceLocation)
}

func parseError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> AccessLogParseError? {
    do {
        let record = try AccessLogParser.parse(line: bytes)
        Issue.record("parsed, expected an error: \(record)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
