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
    static let seeds = FuzzCorpus.zipkinJSON.seeds

    static let tokens = FuzzCorpus.zipkinJSON.tokens + FuzzCorpus.zipkinProto3Mutations.tokens
    static let nesting = FuzzCorpus.zipkinJSON.nesting + FuzzCorpus.zipkinProto3Mutations.nesting

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
