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

    /// JSON seeds with the proto3 tokens too: both decoders take mutants of the same corpus.
    static let corpus = FuzzCorpus.zipkinJSON.adding(.zipkinProto3Mutations)

    static var protoSeeds: [[UInt8]] {
        corpus.seeds.compactMap { try? SpanJSONDecoder.decodeList(Array($0.utf8)) }.map { SpanProtoEncoder.encode($0) }
    }

    @Test(.timeLimit(.minutes(1))) func zipkinJSONDecoderSurvivesMutations() {
        let summary = FuzzLoop.run(seed: 0x15, corpus: Self.corpus, budget: Self.budget) { input in
            do {
                _ = try SpanJSONDecoder.decodeList(input)
                return true
            } catch {
                #expect(!"\(error)".isEmpty)
                return false
            }
        }
        print("timed fuzz (seed 0x15): \(summary)")
        #expect(summary.slowest < Self.perInputLimit, "slowest input took \(summary.slowest): \(summary.slowestInput.prefix(200))")
        #expect(summary.executions > 100)
        #expect(summary.accepted > 0 && summary.accepted < summary.executions)
    }

    @Test(.timeLimit(.minutes(1))) func zipkinProtoDecoderSurvivesMutations() {
        let seeds = Self.protoSeeds
        #expect(!seeds.isEmpty)
        let summary = FuzzLoop.run(seed: 0x16, corpus: Self.corpus, seeds: seeds, budget: Self.budget) { input in
            do {
                _ = try SpanProtoDecoder.decodeList(input)
                return true
            } catch {
                #expect(!"\(error)".isEmpty)
                return false
            }
        }
        print("timed fuzz (seed 0x16): \(summary)")
        #expect(summary.slowest < Self.perInputLimit, "slowest input took \(summary.slowest): \(summary.slowestInput.prefix(200))")
        #expect(summary.executions > 100)
        #expect(summary.accepted > 0 && summary.accepted < summary.executions)
    }
}
