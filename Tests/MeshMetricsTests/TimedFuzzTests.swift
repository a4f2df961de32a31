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
    static let seeds = FuzzCorpus.exposition.seeds

    static let tokens = FuzzCorpus.exposition.tokens
    static let nesting = FuzzCorpus.exposition.nesting

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
