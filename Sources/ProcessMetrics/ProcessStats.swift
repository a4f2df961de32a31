import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process' own resource use, read from `/proc/self` (Linux); fields are nil
/// where the platform has no such file. Prometheus' standard `process_*` names.
public struct ProcessStats: Sendable, Hashable {
    public var startTimeSeconds: Double?
    public var residentMemoryBytes: Int64?
    public var virtualMemoryBytes: Int64?
    public var openFDs: Int?
    public var maxFDs: Int?
    /// User plus system CPU time.
    public var cpuSeconds: Double?

    public init(startTimeSeconds: Double? = nil, residentMemoryBytes: Int64? = nil, virtualMemoryBytes: Int64? = nil,
                openFDs: Int? = nil, maxFDs: Int? = nil, cpuSeconds: Double? = nil) {
        self.startTimeSeconds = startTimeSeconds
        self.residentMemoryBytes = residentMemoryBytes
        self.virtualMemoryBytes = virtualMemoryBytes
        self.openFDs = openFDs
        self.maxFDs = maxFDs
        self.cpuSeconds = cpuSeconds
    }

    /// Reads the current values. Cheap enough per scrape: three small files and a directory.
    public static func current() -> ProcessStats {
        var stats = ProcessStats()
        #if os(Linux)
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let fields = Self.statFields(stat), fields.count > 21, ticks > 0 {
            // Fields after `(comm)`: index 0 is field 3 (state) of proc(5).
            if let utime = Double(fields[11]), let stime = Double(fields[12]) {
                stats.cpuSeconds = (utime + stime) / ticks
            }
            if let startTicks = Double(fields[19]), let boot = bootTime() {
                stats.startTimeSeconds = boot + startTicks / ticks
            }
            stats.virtualMemoryBytes = Int64(fields[20])
            stats.residentMemoryBytes = Int64(fields[21]).map { $0 * pageSize }
        }
        stats.openFDs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map(\.count)
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { stats.maxFDs = Int(clamping: limit.rlim_cur) }
        #endif
        return stats
    }

    /// The space-separated fields after the `(comm)` of `/proc/self/stat` (the command
    /// name may itself contain spaces and parentheses, hence the last `)`).
    static func statFields(_ text: String) -> [Substring]? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    private static func bootTime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
