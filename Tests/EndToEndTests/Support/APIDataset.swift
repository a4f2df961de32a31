import Foundation
import MeshMetrics
import Storage

/// The deterministic data the API tests query, written into a data directory before
/// `serve` starts (with `BackfillWriter`, as `meshscope import` does). The Python client
/// test (Tests/python/test_prometheus_api.py) relies on the same contract:
///
/// - samples every 15 s for one hour from `start` (i = 0..<240, t = start + 15 s × i);
/// - `api_requests_total{service="frontend",code="200"}` = 10 i, `{service="frontend",
///   code="500"}` = i, `{service="backend",code="200"}` = 20 i (counters);
/// - `api_temperature_celsius{room="lab"}` = 20 + i mod 10 (gauge, unit celsius);
/// - `api_special{kind=...}`: inf, ninf, nan, tiny (1e-7), huge (1e21), fraction (0.1);
/// - one exemplar `{trace_id="abc123"}` 0.25 on the frontend/200 sample i = 100.
enum APIDataset {
    /// 2023-11-14T22:15:00Z, on the 15 s grid.
    static let start: Int64 = 1_700_000_100_000
    static let step: Int64 = 15_000
    static let count = 240
    static var end: Int64 { start + step * Int64(count - 1) }
    static let exemplarIndex = 100

    static let requests: [(labels: [String: String], perStep: Double)] = [
        (["service": "frontend", "code": "200"], 10),
        (["service": "frontend", "code": "500"], 1),
        (["service": "backend", "code": "200"], 20),
    ]
    static let special: [(kind: String, value: Double)] = [
        ("inf", .infinity), ("ninf", -.infinity), ("nan", .nan), ("tiny", 1e-7), ("huge", 1e21), ("fraction", 0.1),
    ]

    static func time(_ index: Int) -> Int64 { start + step * Int64(index) }

    /// Seconds since the epoch as the API prints them.
    static func seconds(_ milliseconds: Int64) -> Double { Double(milliseconds) / 1000 }

    static func write(to dataDir: String) throws {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let writer = try BackfillWriter(directory: dataDir)
        writer.updateMetadata(family: "api_requests_total", type: .counter, help: "Requests served.", unit: nil)
        writer.updateMetadata(family: "api_temperature_celsius", type: .gauge, help: "Lab temperature.", unit: "celsius")
        let requestSlots = try requests.map { try writer.slot(for: Labels(name: "api_requests_total", $0.labels)) }
        let temperature = try writer.slot(for: Labels(name: "api_temperature_celsius", ["room": "lab"]))
        let specialSlots = try special.map { try writer.slot(for: Labels(name: "api_special", ["kind": $0.kind])) }
        for index in 0..<count {
            let t = time(index)
            for (slot, series) in zip(requestSlots, requests) {
                let exemplar = slot == requestSlots[0] && index == exemplarIndex
                    ? Exemplar(labels: Labels(["trace_id": "abc123"]), value: 0.25, timestamp: nil) : nil
                try writer.append(slot: slot, timestamp: t, value: series.perStep * Double(index), exemplar: exemplar)
            }
            try writer.append(slot: temperature, timestamp: t, value: 20 + Double(index % 10))
            for (slot, series) in zip(specialSlots, special) {
                try writer.append(slot: slot, timestamp: t, value: series.value)
            }
        }
        try writer.commit()
    }

    /// `series` series of `samples` samples each of `api_big_total{series="sN"}`, every
    /// 15 s from `start`: the query of death's data.
    static func writeBig(to dataDir: String, series: Int, samples: Int) throws {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let writer = try BackfillWriter(directory: dataDir)
        let slots = try (0..<series).map { try writer.slot(for: Labels(name: "api_big_total", ["series": "s\($0)"])) }
        for index in 0..<samples {
            for slot in slots {
                try writer.append(slot: slot, timestamp: time(index), value: Double(index + slot))
            }
            if writer.pendingSamples >= 500_000 { try writer.commit() }
        }
        try writer.commit()
    }
}

/// A serve process over `APIDataset` for the API tests: the dataset is written first,
/// then serve starts with the given extra config sections (`query:`, `limits:`).
enum APIServer {
    /// The dataset lies in November 2023: a retention that keeps it.
    static let storage = "storage:\n  retention: 50y\n"

    static func start(in dir: String, jobs: [JobConfig] = [], sections: String = "",
                      big: (series: Int, samples: Int)? = nil) async throws -> ServeProcess {
        let dataDir = join(dir, "data")
        if let big {
            try APIDataset.writeBig(to: dataDir, series: big.series, samples: big.samples)
        } else {
            try APIDataset.write(to: dataDir)
        }
        let config = join(dir, "meshscope.yaml")
        try write(configYAML(jobs) + storage + sections, to: config)
        return try await ServeProcess.start(dataDir: dataDir, config: config, workDir: dir)
    }

    /// Rewrites the config file and applies it with `POST /-/reload`.
    static func reconfigure(_ serve: ServeProcess, in dir: String, sections: String) async throws {
        try write(configYAML([]) + storage + sections, to: join(dir, "meshscope.yaml"))
        let answer = try await HTTP.post(serve.baseURL + "/-/reload")
        guard answer.status == 200 else { throw E2EFailure("reload answered \(answer.status): \(answer.text)") }
    }

    /// `name: N kB` of /proc/PID/status, in bytes (VmRSS, VmHWM).
    static func memory(_ serve: ServeProcess, _ name: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(serve.pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
              let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { throw E2EFailure("no \(name) in /proc/\(serve.pid)/status") }
        return kib * 1024
    }

    /// Resets the process' peak RSS (VmHWM) to its current RSS; false when the kernel
    /// refuses (then VmHWM keeps the peak since start).
    static func resetPeakMemory(_ serve: ServeProcess) -> Bool {
        (try? "5".write(toFile: "/proc/\(serve.pid)/clear_refs", atomically: false, encoding: .utf8)) != nil
    }
}
