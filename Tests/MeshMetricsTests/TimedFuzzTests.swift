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

    @Test(.timeLimit(.minutes(1))) func expositionParserSurvivesMutations() {
        let summary = FuzzLoop.run(seed: 0xE7, corpus: .exposition, budget: Self.budget) { input in
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
        print("timed fuzz (seed 0xE7): \(summary)")
        #expect(summary.slowest < Self.perInputLimit, "slowest input took \(summary.slowest): \(summary.slowestInput.prefix(200))")
        #expect(summary.executions > 100)
        #expect(summary.accepted > 0 && summary.accepted < summary.executions)
    }
}
