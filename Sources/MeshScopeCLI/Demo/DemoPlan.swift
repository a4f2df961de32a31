import Foundation

/// Everything decided before a process starts: directories, ports, the generated config
/// files and the command line of every child.
struct DemoPlan: Sendable {
    let dataDir: String
    let logsDirectory: String
    let policyDirectory: String
    let topology: DemoTopology
    let collectorPort: Int
    let collectorLaunch: DemoSupervisor.Launch
    let meshLaunches: [DemoSupervisor.Launch]

    var collectorURL: String { "http://127.0.0.1:\(collectorPort)" }

    static func proxyName(_ workload: DemoWorkload) -> String { "\(workload.name)-proxy" }

    /// Creates `DATA_DIR/{logs,policy,proxies}`, copies the scenario's policy, writes the
    /// collector's config and each sidecar's ProxyConfig.
    static func prepare(dataDir: String, listenPort: Int, scenario: DemoScenario, policyDir: String?) throws -> DemoPlan {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: dataDir, relativeTo: URL(fileURLWithPath: fileManager.currentDirectoryPath))
            .standardizedFileURL.path
        func path(_ parts: String...) -> String { parts.reduce(root) { ($0 as NSString).appendingPathComponent($1) } }
        for directory in [path("logs"), path("policy"), path("proxies")] {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let policyFiles = try DemoPolicy.install(scenario, from: try DemoPolicy.locate(explicit: policyDir), into: path("policy"))

        let collectorPort = listenPort == 0 ? ChildServer.freePort() : listenPort
        var ports = DemoPorts(reserved: [collectorPort])
        let topology = DemoTopology(ports: &ports)
        let collectorConfig = path("meshscope.yaml")
        try write(DemoConfigFiles.collectorConfig(for: topology, collectorPort: collectorPort), to: collectorConfig)
        let collector = DemoSupervisor.Launch(
            name: "collector", role: "serve",
            arguments: ["serve", "--data-dir", root, "--listen", "127.0.0.1:\(collectorPort)", "--zipkin-listen", "off",
                        "--config", collectorConfig, "--log-level", "notice"],
            readyMarker: "listener=http", isCollector: true)

        var launches: [DemoSupervisor.Launch] = []
        for workload in topology.workloads {
            if workload.kind != .gateway {
                launches.append(appLaunch(workload))
            }
            if workload.hasProxy {
                let file = path("proxies", "\(workload.name).yaml")
                try write(DemoConfigFiles.proxyConfig(for: workload, in: topology, collectorPort: collectorPort), to: file)
                launches.append(DemoSupervisor.Launch(
                    name: proxyName(workload), role: "sidecar",
                    arguments: ["proxy", file] + policyFiles + ["--drain-grace", "2", "--log-level", "notice",
                                                                "--ca-url", "http://127.0.0.1:\(collectorPort)"],
                    readyMarker: "proxy listening"))
            }
        }
        return DemoPlan(dataDir: root, logsDirectory: path("logs"), policyDirectory: path("policy"), topology: topology,
                        collectorPort: collectorPort, collectorLaunch: collector, meshLaunches: launches)
    }

    private static func appLaunch(_ workload: DemoWorkload) -> DemoSupervisor.Launch {
        var arguments = ["demo-service", "--app", workload.app, "--version", workload.version,
                         "--listen", "127.0.0.1:\(workload.appPort)",
                         "--work-ms", "\(workload.workMillis.lowerBound)-\(workload.workMillis.upperBound)"]
        if workload.kind == .database { arguments.append("--tcp") }
        if !workload.calls.isEmpty {
            arguments += ["--outbound", "127.0.0.1:\(workload.outboundPort)", "--calls", workload.calls.joined(separator: ",")]
        }
        if workload.usesDatabase { arguments += ["--database", "127.0.0.1:\(workload.tcpPort)"] }
        return DemoSupervisor.Launch(name: workload.name, role: workload.kind == .database ? "database" : "app",
                                     arguments: arguments, readyMarker: "demo service listening")
    }

    private static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
