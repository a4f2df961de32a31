import Foundation

/// Human-readable figures for benchmark output.
enum Format {
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024 && unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        return String(format: unit == 0 ? "%.0f %@" : "%.1f %@", amount, units[unit])
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2fs", value) }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

    /// Latencies, to the hundredth of a millisecond.
    static func latency(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

    /// Bytes of every file under `path`.
    static func directorySize(_ path: String) -> Int64 {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: path) else { return 0 }
        return names.reduce(Int64(0)) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(name))
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }

    static func rate(_ value: Double) -> String {
        value >= 1e6 ? String(format: "%.2fM", value / 1e6) : String(format: "%.0f", value)
    }
}

/// The machine line recorded with every benchmark.
enum MachineInfo {
    static var summary: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), "
            + "\(ProcessInfo.processInfo.physicalMemory >> 30) GiB RAM"
    }
}
