import Foundation

/// Process figures from /proc, named as Prometheus' client libraries name them.
struct ProcessStats {
    var residentBytes: Double = 0
    var virtualBytes: Double = 0
    var cpuSeconds: Double = 0
    var openFileDescriptors: Double = 0
    var startTimeSeconds: Double = 0

    static let processStart = Date().timeIntervalSince1970

    static func read() -> ProcessStats {
        var stats = ProcessStats()
        stats.startTimeSeconds = processStart
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count >= 2, let kib = Double(parts[1]) else { continue }
                if parts[0] == "VmRSS:" { stats.residentBytes = kib * 1024 }
                if parts[0] == "VmSize:" { stats.virtualBytes = kib * 1024 }
            }
        }
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            // Fields after the command name; utime and stime are fields 14 and 15 overall.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) {
                stats.cpuSeconds = (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
            }
        }
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? 0
        stats.openFileDescriptors = Double(fds)
        return stats
    }
}
