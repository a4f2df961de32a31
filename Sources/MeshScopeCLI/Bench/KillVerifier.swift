import Foundation
import Logging
import MeshMetrics
import Storage

/// Checks a data directory left by a killed collector: SQLite's integrity check on the
/// three databases, every acknowledged span and log record stored exactly once, and the
/// scraped series consistent (strictly increasing timestamps and values, no sample stored
/// twice, nothing seen by an earlier check gone).
struct KillVerifier {
    struct Outcome {
        var problems: [String] = []
        var lostSpans = 0
        var lostLogs = 0
        var duplicateSpans = 0
        var duplicateLogs = 0
        var duplicateSamples: Int64 = 0
        var storedSamples = 0
    }

    let dataDir: String
    let sqlite3: String

    static func findSQLite3() -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// `earlierSamples`: (series, timestamp) of every sample an earlier check saw; updated.
    func verify(spans: Set<String>, logs: Set<String>, earlierSamples: inout Set<String>) throws -> Outcome {
        var outcome = Outcome()
        for name in SoakSample.databaseNames {
            let answer = try query(name, "PRAGMA integrity_check").trimmingCharacters(in: .whitespacesAndNewlines)
            if answer != "ok" { outcome.problems.append("\(name): integrity_check: \(answer.prefix(200))") }
        }
        let storedSpans = try counts(query("traces.db", """
            SELECT printf('%016x%016x/%016x', trace_hi, trace_lo, span_id), COUNT(*) FROM spans
            WHERE local_service = 'kill-bench' GROUP BY trace_hi, trace_lo, span_id
            """))
        let storedLogs = try counts(query("logs.db", """
            SELECT request_id, COUNT(*) FROM records WHERE request_id LIKE 'kill-%' GROUP BY request_id
            """))
        outcome.lostSpans = spans.filter { storedSpans[$0] == nil }.count
        outcome.lostLogs = logs.filter { storedLogs[$0] == nil }.count
        outcome.duplicateSpans = storedSpans.values.filter { $0 > 1 }.count
        outcome.duplicateLogs = storedLogs.values.filter { $0 > 1 }.count
        if outcome.lostSpans > 0 { outcome.problems.append("\(outcome.lostSpans) acknowledged spans missing") }
        if outcome.lostLogs > 0 { outcome.problems.append("\(outcome.lostLogs) acknowledged log records missing") }
        if outcome.duplicateSpans > 0 { outcome.problems.append("\(outcome.duplicateSpans) spans stored more than once") }
        if outcome.duplicateLogs > 0 { outcome.problems.append("\(outcome.duplicateLogs) log records stored more than once") }
        try verifySamples(into: &outcome, earlier: &earlierSamples)
        return outcome
    }

    private func verifySamples(into outcome: inout Outcome, earlier: inout Set<String>) throws {
        var now: Set<String> = []
        var readable = 0
        do {
            var logger = Logger(label: "meshscope.bench.kill")
            logger.logLevel = .warning
            let store = try MetricsStore(directory: dataDir, logger: logger)
            let all = try store.reader.select(SeriesSelector(parsing: #"{__name__=~".+"}"#).matchers, from: .min, through: .max)
            readable = all.reduce(0) { $0 + $1.samples.count }
            for series in all where series.labels["__name__"] == "kill_fixture_total" {
                let name = series.labels["series"] ?? "?"
                let samples = series.samples.filter { !$0.value.isStaleMarker }
                for (earlier, later) in zip(samples, samples.dropFirst()) {
                    if later.timestamp <= earlier.timestamp || later.value <= earlier.value {
                        outcome.problems.append("series \(name): \(earlier.timestamp)=\(earlier.value) then "
                            + "\(later.timestamp)=\(later.value)")
                        break
                    }
                }
                for sample in samples { now.insert("\(name)@\(sample.timestamp)") }
            }
        }
        // Chunk headers count every stored copy; reads return each timestamp once.
        outcome.duplicateSamples = try DiskUsage.measure(directory: dataDir).samples - Int64(readable)
        if outcome.duplicateSamples != 0 { outcome.problems.append("\(outcome.duplicateSamples) samples stored twice") }
        let vanished = earlier.subtracting(now)
        if !vanished.isEmpty { outcome.problems.append("\(vanished.count) samples seen earlier are gone, e.g. \(vanished.first!)") }
        outcome.storedSamples = now.count
        earlier = now
    }

    private func counts(_ text: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            guard let bar = line.lastIndex(of: "|"), let count = Int(line[line.index(after: bar)...]) else { continue }
            result[String(line[..<bar])] = count
        }
        return result
    }

    /// Runs the sqlite3 CLI on `DATA_DIR/name` (which recovers the WAL, as a restart would).
    private func query(_ name: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = [(dataDir as NSString).appendingPathComponent(name), sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("sqlite3 \(name) failed (\(process.terminationStatus)): \(errorText)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
