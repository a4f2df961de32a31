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

    @Test(.timeLimit(.minutes(1))) func accessLogParserSurvivesMutations() {
        let summary = FuzzLoop.run(seed: 0xA1, corpus: .accessLog, budget: Self.budget) { input in
            let batch = NDJSONBatch.parse(input)
            #expect(batch.records.count + batch.badLineCount <= batch.lineCount)
            if !batch.isValid { #expect(!batch.errors.isEmpty) }
            return batch.isValid
        }
        print("timed fuzz (seed 0xA1): \(summary)")
        #expect(summary.slowest < Self.perInputLimit, "slowest input took \(summary.slowest): \(summary.slowestInput.prefix(200))")
        #expect(summary.executions > 100)
        #expect(summary.accepted > 0 && summary.accepted < summary.executions)
    }
}
