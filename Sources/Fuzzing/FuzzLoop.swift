/// The mutational fuzzing loop shared by `meshscope bench fuzz` and the test suite: for
/// `budget`, mutate a seed (or the previous mutant), cap its size, run `body` on it and
/// time it. `willRun` sees each input before it runs (to save it or arm a watchdog);
/// `didRun` sees it with its duration (to assert a bound or disarm the watchdog).
public enum FuzzLoop {
    public struct Summary: Sendable, CustomStringConvertible {
        public var executions = 0
        public var accepted = 0
        public var slowest = Duration.zero
        /// The input that took `slowest`, to report when it took too long.
        public var slowestInput: [UInt8] = []
        public var elapsed = Duration.zero

        public var description: String {
            "\(executions) executions, \(accepted) accepted, slowest \(slowest)"
        }
    }

    public static let maxInputBytes = 1 << 20

    public static func run(seed: UInt64, seeds: [[UInt8]], tokens: [String], nesting: [(String, String)],
                           budget: Duration, body: ([UInt8]) -> Bool,
                           willRun: ([UInt8]) -> Void = { _ in },
                           didRun: ([UInt8], Duration) -> Void = { _, _ in }) -> Summary {
        precondition(!seeds.isEmpty, "fuzzing needs at least one valid seed input")
        var mutator = FuzzMutator(seed: seed, tokens: tokens, nesting: nesting)
        var summary = Summary()
        let clock = ContinuousClock()
        let started = clock.now
        let end = started + budget
        var previous = seeds[0]
        while clock.now < end {
            let base = mutator.below(2) == 0 ? previous : seeds[mutator.below(seeds.count)]
            var input = mutator.mutate(base, other: seeds[mutator.below(seeds.count)])
            if input.count > maxInputBytes { input.removeSubrange(maxInputBytes...) }
            willRun(input)
            let began = clock.now
            if body(input) { summary.accepted += 1 }
            let took = clock.now - began
            didRun(input, took)
            if took > summary.slowest { (summary.slowest, summary.slowestInput) = (took, input) }
            summary.executions += 1
            // Mutants compound, but a huge one would slow every later mutation.
            previous = input.count > 64 << 10 ? seeds[0] : input
        }
        summary.elapsed = clock.now - started
        return summary
    }

    /// The loop over a corpus: its tokens and nesting, and its seeds unless `seeds` are given.
    public static func run(seed: UInt64, corpus: FuzzCorpus, seeds: [[UInt8]]? = nil, budget: Duration,
                           body: ([UInt8]) -> Bool) -> Summary {
        run(seed: seed, seeds: seeds ?? corpus.seedBytes, tokens: corpus.tokens, nesting: corpus.nesting,
            budget: budget, body: body)
    }
}
