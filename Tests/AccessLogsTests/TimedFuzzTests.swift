import Foundation
import Fuzzing
import Testing
import AccessLogs

/// Time-bounded mutational fuzzing (seeded, access-log NDJSON): mutants of valid bodies — byte flips,
/// interesting bytes and tokens, deletions, truncation, splicing, repeated chunks, huge
/// numbers, nesting up to 10,000 deep — must be accepted or refused with an error, never
/// trap, and each must finish within `perInputLimit`. `meshscope bench fuzz` runs the same
/// mutations for longer and prints executions per parser.
@Suite struct TimedFuzzTests {
    static let budget: Duration = .seconds(2)
    static let perInputLimit: Duration = .seconds(2)
    static let seeds = [
        #"""
        {"start_time":"2020-11-25T21:26:18.409Z","route_name":"default","method":"GET","path":"/status/418?x=1","protocol":"HTTP/1.1","response_code":418,"response_flags":"-","response_code_details":"via_upstream","connection_termination_details":null,"bytes_received":0,"bytes_sent":135,"duration":4,"upstream_service_time":"4","x_forwarded_for":null,"user_agent":"curl/7.73.0-DEV","request_id":"84961386-6d84-929d-98bd-c5aee93b5c88","authority":"httpbin:8000","upstream_host":"10.44.1.27:80","upstream_cluster":"outbound|8000|v1|httpbin.foo.svc.cluster.local","upstream_local_address":"10.44.1.23:37652","downstream_local_address":"10.0.45.184:8000","downstream_remote_address":"10.44.1.23:46520","requested_server_name":null,"upstream_transport_failure_reason":null}
        {"start_time":"2024-01-02T03:04:05.678Z","method":"POST","path":"/x","response_code":503,"response_flags":"UO,URX","duration":12,"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","request_id":"r-2","upstream_cluster":"inbound|9080||"}

        """#,
    ]

    static let tokens: [String] = ["{", "}", "[", "]", "\"", ":", ",", "\n", "null", "\"response_code\":", "\"start_time\":",
                            "\"duration\":", "\\u0000", "\\ud83d", "\"upstream_cluster\":\"outbound|"]
    static let nesting: [(String, String)] = [("[", "]"), ("{\"a\":", "}")]

    @Test(.timeLimit(.minutes(1))) func accessLogParserSurvivesMutations() {
        let (executions, accepted) = Self.fuzz(seed: 0xA1, seeds: Self.seeds.map { Array($0.utf8) }) { input in
            let batch = NDJSONBatch.parse(input)
            #expect(batch.records.count + batch.badLineCount <= batch.lineCount)
            if !batch.isValid { #expect(!batch.errors.isEmpty) }
            return batch.isValid
        }
        #expect(executions > 100)
        #expect(accepted > 0 && accepted < executions)
    }

    /// Runs `body` on mutants for `budget` (the loop `meshscope bench fuzz` runs);
    /// returns (executions, accepted). Every input must finish within `perInputLimit`.
    fileprivate static func fuzz(seed: UInt64, seeds: [[UInt8]], _ body: ([UInt8]) -> Bool) -> (Int, Int) {
        var executions = 0
        let summary = FuzzLoop.run(seed: seed, seeds: seeds, tokens: tokens, nesting: nesting, budget: budget, body: body,
                                   didRun: { input, took in
                                       #expect(took < perInputLimit,
                                               "input \(executions) (seed \(seed)) took \(took): \(input.prefix(200))")
                                       executions += 1
                                   })
        print("timed fuzz (seed \(seed)): \(summary.executions) executions, \(summary.accepted) accepted")
        return (summary.executions, summary.accepted)
    }
}
