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

    @Test(.timeLimit(.minutes(1))) func promQLParserSurvivesMutations() {
        let summary = FuzzLoop.run(seed: 0x9E, corpus: .promql, budget: Self.budget) { input in
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
        print("timed fuzz (seed 0x9E): \(summary)")
        #expect(summary.slowest < Self.perInputLimit, "slowest input took \(summary.slowest): \(summary.slowestInput.prefix(200))")
        #expect(summary.executions > 100)
        #expect(summary.accepted > 0 && summary.accepted < summary.executions)
    }
}
