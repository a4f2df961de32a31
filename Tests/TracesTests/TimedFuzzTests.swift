import Foundation
import Fuzzing
import Testing
import Traces

/// Time-bounded mutational fuzzing (seeded, Zipkin JSON v2 and proto3): mutants of valid bodies — byte flips,
/// interesting bytes and tokens, deletions, truncation, splicing, repeated chunks, huge
/// numbers, nesting up to 10,000 deep — must be accepted or refused with an error, never
/// trap, and each must finish within `perInputLimit`. `meshscope bench fuzz` runs the same
/// mutations for longer and prints executions per parser.
@Suite struct TimedFuzzTests {
    static let budget: Duration = .seconds(2)
    static let perInputLimit: Duration = .seconds(2)
    static let seeds = [
        """
        [{"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"CLIENT",\
        "name":"get /api","timestamp":1472470996199000,"duration":207000,\
        "localEndpoint":{"serviceName":"frontend","ipv4":"127.0.0.1","port":8080},\
        "remoteEndpoint":{"serviceName":"backend","ipv4":"192.168.99.101","ipv6":"2001:db8::c001","port":9000},\
        "annotations":[{"timestamp":1472470996238000,"value":"ws"},{"timestamp":1472470996403000,"value":"wr"}],\
        "tags":{"http.method":"GET","http.path":"/api","http.status_code":"200","error":""},"shared":true,"debug":false},\
        {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"x","tags":{"a":"\\u00e9\\n"}}]
        """,
    ]

    static let tokens: [String] = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "\"traceId\":", "\"id\":", "\"tags\":{",
                            "\"annotations\":[", "\\u0000", "\\ud800", "\"timestamp\":", "\u{0A}", "\u{12}", "\u{1A}", "\u{7F}", "\u{FF}\u{FF}\u{FF}\u{FF}\u{0F}", "\u{08}\u{96}\u{01}"]
    static let nesting: [(String, String)] = [("[", "]"), ("{\"a\":", "}"), ("\u{0A}\u{7F}", "")]

    static var protoSeeds: [[UInt8]] {
        seeds.compactMap { try? SpanJSONDecoder.decodeList(Array($0.utf8)) }.map { SpanProtoEncoder.encode($0) }
    }

    @Test(.timeLimit(.minutes(1))) func zipkinJSONDecoderSurvivesMutations() {
        let (executions, accepted) = Self.fuzz(seed: 0x15, seeds: Self.seeds.map { Array($0.utf8) }) { input in
            do {
                _ = try SpanJSONDecoder.decodeList(input)
                return true
            } catch {
                #expect(!"\(error)".isEmpty)
                return false
            }
        }
        #expect(executions > 100)
        #expect(accepted > 0 && accepted < executions)
    }

    @Test(.timeLimit(.minutes(1))) func zipkinProtoDecoderSurvivesMutations() {
        let seeds = Self.protoSeeds
        #expect(!seeds.isEmpty)
        let (executions, accepted) = Self.fuzz(seed: 0x16, seeds: seeds) { input in
            do {
                _ = try SpanProtoDecoder.decodeList(input)
                return true
            } catch {
                #expect(!"\(error)".isEmpty)
                return false
            }
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
