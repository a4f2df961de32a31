import Foundation
import Fuzzing
import Testing
@testable import MeshMetrics

/// Time-bounded mutational fuzzing (seeded, exposition): mutants of valid bodies — byte flips,
/// interesting bytes and tokens, deletions, truncation, splicing, repeated chunks, huge
/// numbers, nesting up to 10,000 deep — must be accepted or refused with an error, never
/// trap, and each must finish within `perInputLimit`. `meshscope bench fuzz` runs the same
/// mutations for longer and prints executions per parser.
@Suite struct TimedFuzzTests {
    static let budget: Duration = .seconds(2)
    static let perInputLimit: Duration = .seconds(2)
    static let seeds = [
        """
        # HELP istio_requests_total Total requests.
        # TYPE istio_requests_total counter
        istio_requests_total{response_code="200",source_workload="productpage-v1",destination_service="reviews.default.svc.cluster.local",reporter="source"} 1234 1700000000000
        istio_requests_total{response_code="503",response_flags="UO",reporter="destination"} 7
        # TYPE istio_request_duration_milliseconds histogram
        istio_request_duration_milliseconds_bucket{le="0.5"} 1
        istio_request_duration_milliseconds_bucket{le="10"} 30
        istio_request_duration_milliseconds_bucket{le="+Inf"} 41
        istio_request_duration_milliseconds_sum 201.5
        istio_request_duration_milliseconds_count 41
        # TYPE rpc summary
        rpc{quantile="0.99"} NaN
        rpc_sum 1.5e3
        rpc_count 3
        m{a="x\\\\y\\"z\\nw",u="héllo ✓"} -Inf

        """,
        """
        # TYPE http_requests counter
        # UNIT http_requests requests
        # HELP http_requests Requests.
        http_requests_total{code="200"} 1027 1700000000.123 # {trace_id="4bf92f3577b34da6"} 1 1700000000.1
        http_requests_created{code="200"} 1699990000
        # TYPE latency histogram
        latency_bucket{le="0.1"} 8 # {trace_id="a"} 0.05
        latency_bucket{le="+Inf"} 10
        latency_sum 1.2
        latency_count 10
        # TYPE up gauge
        up 1
        # EOF

        """,
    ]

    static let tokens: [String] = ["# TYPE ", "# HELP ", "# EOF\n", "{", "}", "=\"", "\",", "\n", " ", "_bucket", "le=\"+Inf\"",
                            " # {trace_id=\"a\"} 1", "\\", "\\n", "\"", "counter", "histogram", "_created"]
    static let nesting: [(String, String)] = [("{", "}"), ("\"", "\"")]

    @Test(.timeLimit(.minutes(1))) func expositionParserSurvivesMutations() {
        let (executions, accepted) = Self.fuzz(seed: 0xE7, seeds: Self.seeds.map { Array($0.utf8) }) { input in
            for format in [ExpositionFormat.prometheusText, .openMetrics] {
                do {
                    _ = try ExpositionParser.parse(input, format: format)
                    if format == .prometheusText { return true }
                } catch let error as ExpositionError {
                    #expect(error.line >= 1 && !error.message.isEmpty, "\(error)")
                } catch {
                    Issue.record("unexpected error type: \(error)")
                }
            }
            return false
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
