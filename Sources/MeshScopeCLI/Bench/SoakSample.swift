import Foundation

/// One row of `meshscope bench soak`: the collector's and the sidecars' resident memory,
/// the data directory's database files (WAL included) and the load's counters so far.
struct SoakSample: Sendable {
    var elapsedSeconds: Double
    var collectorRSS: Int64
    var sidecarsRSS: Int64
    var sidecarCount: Int
    /// Main database files (metrics.db, traces.db, logs.db).
    var databaseBytes: Int64
    /// Their `-wal` and `-shm` files.
    var walBytes: Int64
    var requestsSent: Int
    var requests2xx: Int
    /// Arrivals not sent because 64 requests were already in flight (the mesh fell behind).
    var requestsSkipped = 0

    var totalDatabaseBytes: Int64 { databaseBytes + walBytes }

    static let csvHeader = "elapsed_s,collector_rss_bytes,sidecars_rss_bytes,sidecars,database_bytes,wal_bytes,"
        + "total_db_bytes,requests_sent,requests_2xx,requests_skipped"

    var csvLine: String {
        [String(format: "%.1f", elapsedSeconds), "\(collectorRSS)", "\(sidecarsRSS)", "\(sidecarCount)",
         "\(databaseBytes)", "\(walBytes)", "\(totalDatabaseBytes)", "\(requestsSent)", "\(requests2xx)",
         "\(requestsSkipped)"]
            .joined(separator: ",")
    }

    /// `soak  t=60s/1800s  collector=85.1 MiB  sidecars(8)=120.3 MiB  db=12.0 MiB (+wal 4.0 MiB)  sent=12000 2xx=11990`.
    func line(total: Double) -> String {
        "soak  t=\(Int(elapsedSeconds))s/\(Int(total))s  collector=\(Format.bytes(collectorRSS))  "
            + "sidecars(\(sidecarCount))=\(Format.bytes(sidecarsRSS))  db=\(Format.bytes(databaseBytes)) "
            + "(+wal \(Format.bytes(walBytes)))  sent=\(requestsSent) 2xx=\(requests2xx)"
            + (requestsSkipped > 0 ? " skipped=\(requestsSkipped)" : "")
    }

    /// Resident set size of `pid` from `/proc/PID/status` (VmRSS, in kB); 0 when gone.
    static func residentBytes(pid: pid_t) -> Int64 {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.dropFirst("VmRSS:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
                .first.flatMap { Int64($0) } ?? 0
            return digits * 1024
        }
        return 0
    }

    static let databaseNames = ["metrics.db", "traces.db", "logs.db"]

    /// Sizes of the three databases and of their WAL and shared-memory files.
    static func databaseSizes(in dataDir: String) -> (main: Int64, wal: Int64) {
        func size(_ name: String) -> Int64 {
            let path = (dataDir as NSString).appendingPathComponent(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        var main: Int64 = 0
        var wal: Int64 = 0
        for name in databaseNames {
            main += size(name)
            wal += size(name + "-wal") + size(name + "-shm")
        }
        return (main, wal)
    }
}
