import Foundation
import Testing

/// A failed expectation of an end-to-end test, with enough context (server logs, the
/// last response) to diagnose it from a CI log alone.
struct E2EFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The parent of every end-to-end suite. `.serialized` applies to the nested suites
/// too, so the child processes of different tests never compete for the 2 cores or
/// for ports, and 1-second scrape intervals keep their meaning.
@Suite(.serialized, .timeLimit(.minutes(3))) enum EndToEnd {}

/// Polls `probe` until it returns a value, at most `timeout`. `context` is evaluated
/// only on failure (typically the server's log tail).
func eventually<T>(
    _ what: String, timeout: Duration = .seconds(15), every interval: Duration = .milliseconds(100),
    context: () -> String = { "" }, _ probe: () async throws -> T?
) async throws -> T {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var lastError: (any Error)?
    while true {
        do {
            if let value = try await probe() { return value }
            lastError = nil
        } catch {
            lastError = error
        }
        if clock.now >= deadline { break }
        try await Task.sleep(for: interval)
    }
    let reason = lastError.map { " (last error: \($0))" } ?? ""
    throw E2EFailure("timed out after \(timeout) waiting for \(what)\(reason)\n\(context())")
}

/// Runs `body` with a fresh directory under the system temp dir, removed afterwards
/// whether `body` succeeds or throws.
func withTemporaryDirectory<T>(_ prefix: String, _ body: (String) async throws -> T) async throws -> T {
    let path = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("meshscope-e2e-\(prefix)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
}

func join(_ directory: String, _ name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
}

/// A job of the generated YAML config.
struct JobConfig {
    var name: String
    var targets: [String]
    var path = "/metrics"
    var interval = "1s"
    var timeout: String?
    var honorLabels = false
    var labels: [String: String] = [:]
}

/// A MeshScope config with the given jobs, in the schema of Deploy/config/meshscope.yaml.
func configYAML(_ jobs: [JobConfig], externalLabels: [String: String] = [:]) -> String {
    var out = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
    if !externalLabels.isEmpty {
        out += "  external_labels:\n"
        for (name, value) in externalLabels.sorted(by: { $0.key < $1.key }) { out += "    \(name): \"\(value)\"\n" }
    }
    out += jobs.isEmpty ? "scrape_configs: []\n" : "scrape_configs:\n"
    for job in jobs {
        out += "  - job_name: \(job.name)\n"
        out += "    scrape_interval: \(job.interval)\n"
        if let timeout = job.timeout { out += "    scrape_timeout: \(timeout)\n" }
        out += "    metrics_path: \(job.path)\n"
        out += "    honor_labels: \(job.honorLabels)\n"
        out += "    static_configs:\n"
        out += "      - targets: [\(job.targets.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        if !job.labels.isEmpty {
            out += "        labels:\n"
            for (name, value) in job.labels.sorted(by: { $0.key < $1.key }) {
                out += "          \(name): \"\(value)\"\n"
            }
        }
    }
    return out
}

/// The last `count` lines of a log, for failure messages.
func tail(_ text: String, lines count: Int = 40) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
}
