import Foundation

/// The soak's pass/fail criteria, computed over the samples by time thirds.
///
/// - Memory levels off: for the collector and for the sidecars' total, the RSS growth over
///   the last third of the run (value at the end minus value at 2/3) is at most
///   max(25% of the growth over the first third, 5% of the RSS at 2/3). Start-up growth
///   lands in the first third; a leak shows as a last third growing as fast as the first.
/// - Database within retention: the demo's collector keeps the default retention (15d for
///   every signal), far beyond the run, so nothing is deleted and the files must grow about
///   linearly with the data kept: the main files' growth rate over the last third is at most
///   1.5× the rate over the middle third plus 1 MiB/min; and the WAL is bounded: its
///   largest size in the last third is at most 1.5× its largest size before, plus 8 MiB
///   (checkpoints keep up; no unbounded WAL growth).
struct SoakVerdict: Sendable {
    var lines: [String] = []
    var passed = true

    init(samples: [SoakSample]) {
        guard samples.count >= 4, let last = samples.last, last.elapsedSeconds > 0 else {
            lines.append("verdict: too few samples (\(samples.count)) to judge; run longer or sample more often")
            passed = false
            return
        }
        let total = last.elapsedSeconds
        let first = samples[0]
        let atThird = Self.nearest(samples, to: total / 3)
        let atTwoThirds = Self.nearest(samples, to: 2 * total / 3)
        check(name: "collector memory", first.collectorRSS, atThird.collectorRSS, atTwoThirds.collectorRSS, last.collectorRSS)
        check(name: "sidecars memory", first.sidecarsRSS, atThird.sidecarsRSS, atTwoThirds.sidecarsRSS, last.sidecarsRSS)

        let middleSeconds = max(1, atTwoThirds.elapsedSeconds - atThird.elapsedSeconds)
        let lastSeconds = max(1, last.elapsedSeconds - atTwoThirds.elapsedSeconds)
        let middleRate = Double(atTwoThirds.databaseBytes - atThird.databaseBytes) / middleSeconds
        let lastRate = Double(last.databaseBytes - atTwoThirds.databaseBytes) / lastSeconds
        let allowedRate = 1.5 * max(0, middleRate) + Double(1 << 20) / 60
        let linear = lastRate <= allowedRate
        lines.append(String(format: "database growth: middle third %.1f KiB/s, last third %.1f KiB/s (allowed %.1f) -> %@",
                            middleRate / 1024, lastRate / 1024, allowedRate / 1024, linear ? "linear" : "ACCELERATING"))
        let walBefore = samples.filter { $0.elapsedSeconds < atTwoThirds.elapsedSeconds }.map(\.walBytes).max() ?? 0
        let walLast = samples.filter { $0.elapsedSeconds >= atTwoThirds.elapsedSeconds }.map(\.walBytes).max() ?? 0
        let walAllowed = Int64(1.5 * Double(walBefore)) + 8 << 20
        let walBounded = walLast <= walAllowed
        lines.append("WAL+shm: largest before 2/3 \(Format.bytes(walBefore)), in last third \(Format.bytes(walLast)) "
            + "(allowed \(Format.bytes(walAllowed))) -> \(walBounded ? "bounded" : "GROWING")")
        passed = passed && linear && walBounded
        lines.append("verdict: \(passed ? "PASS" : "FAIL") (memory levels off and database within retention)")
    }

    private mutating func check(name: String, _ start: Int64, _ third: Int64, _ twoThirds: Int64, _ end: Int64) {
        guard end > 0 else {
            passed = false
            lines.append("\(name): no RSS readings (process gone, or /proc unreadable) -> FAIL")
            return
        }
        let firstGrowth = third - start
        let lastGrowth = end - twoThirds
        let allowed = max(firstGrowth / 4, twoThirds / 20)
        let ok = lastGrowth <= allowed
        passed = passed && ok
        lines.append("\(name): first third \(Self.signed(firstGrowth)), last third \(Self.signed(lastGrowth)) "
            + "(allowed +\(Format.bytes(allowed))) -> \(ok ? "levels off" : "STILL GROWING")")
    }

    static func signed(_ bytes: Int64) -> String {
        (bytes < 0 ? "-" : "+") + Format.bytes(abs(bytes))
    }

    static func nearest(_ samples: [SoakSample], to seconds: Double) -> SoakSample {
        samples.min { abs($0.elapsedSeconds - seconds) < abs($1.elapsedSeconds - seconds) }!
    }
}
