import ProcessMetrics

/// Process stats in Prometheus' standard names, and Envoy-like `server.*` lines for `/stats`.
extension ProcessStats {
    func write(into writer: inout MetricsTextWriter) {
        if let v = cpuSeconds {
            writer.family("process_cpu_seconds_total", type: .counter, help: "Total user and system CPU time spent in seconds", unit: "seconds")
            writer.sample("process_cpu_seconds_total", names: [], values: [], value: v)
        }
        gauge(&writer, "process_start_time_seconds", "Start time of the process since unix epoch in seconds", startTimeSeconds)
        gauge(&writer, "process_resident_memory_bytes", "Resident memory size in bytes", residentMemoryBytes.map(Double.init))
        gauge(&writer, "process_virtual_memory_bytes", "Virtual memory size in bytes", virtualMemoryBytes.map(Double.init))
        gauge(&writer, "process_open_fds", "Number of open file descriptors", openFDs.map(Double.init))
        gauge(&writer, "process_max_fds", "Maximum number of open file descriptors", maxFDs.map(Double.init))
    }

    private func gauge(_ writer: inout MetricsTextWriter, _ name: String, _ help: String, _ value: Double?) {
        guard let value else { return }
        let unit = name.hasSuffix("_seconds") ? "seconds" : name.hasSuffix("_bytes") ? "bytes" : ""
        writer.family(name, type: .gauge, help: help, unit: unit)
        writer.sample(name, names: [], values: [], value: value)
    }

    /// `/stats` lines: Envoy's `server.uptime` and `server.memory_physical_size`, plus the
    /// rest under `process.`.
    func plainLines(now: Double) -> [String] {
        var lines: [String] = []
        if let start = startTimeSeconds { lines.append("server.uptime: \(Int64(max(0, now - start)))") }
        if let rss = residentMemoryBytes { lines.append("server.memory_physical_size: \(rss)") }
        if let v = openFDs { lines.append("process.open_fds: \(v)") }
        if let v = maxFDs { lines.append("process.max_fds: \(v)") }
        if let v = cpuSeconds { lines.append("process.cpu_seconds_total: \(Int64(v))") }
        if let v = virtualMemoryBytes { lines.append("process.virtual_memory_bytes: \(v)") }
        return lines
    }
}
