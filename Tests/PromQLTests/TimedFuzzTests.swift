import Foundation
import Fuzzing
import Testing
import PromQL

/// Time-bounded mutational fuzzing (seeded, PromQL): mutants of valid bodies — byte flips,
/// interesting bytes and tokens, deletions, truncation, splicing, repeated chunks, huge
/// numbers, nesting up to 10,000 deep — must be accepted or refused with an error, never
/// trap, and each must finish within `perInputLimit`. `meshscope bench fuzz` runs the same
/// mutations for longer and prints executions per parser.
@Suite struct TimedFuzzTests {
    static let budget: Duration = .seconds(2)
    static let perInputLimit: Duration = .seconds(2)
    static let seeds = FuzzCorpus.promql.seeds

    static let tokens = FuzzCorpus.promql.tokens
    static let nesting = FuzzCorpus.promql.nesting

    @Test(.timeLimit(.minutes(1))) func promQLParserSurvivesMutations() {
        let (executions, accepted) = Self.fuzz(seed: 0x9E, seeds: Self.seeds.map { Array($0.utf8) }) { input in
            let query = String(decoding: input, as: UTF8.self)
            do {
                _ = try PromQLParser.parse(query)
                return true
            } catch let error as PromQLParseError {
                #expect(!error.message.isEmpty && error.positionRange.start <= query.utf8.count, "\(query.prefix(200)): \(error)")
                return false
            } catch {
                Issue.record("unexpected error type: \(error)")
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
