import MeshPolicy
import Proxy
import Testing

/// A ProxyConfig document for workload `productpage-v1` in `default`, listeners on free
/// ports, and the given services (`name: [(address, version)]`).
func proxyConfigYAML(app: String? = nil, services: [(name: String, endpoints: [(String, String)])],
                     tcp: [(name: String, upstream: String)] = []) -> String {
    var yaml = """
    apiVersion: meshscope/v1
    kind: ProxyConfig
    metadata: {name: productpage-v1, namespace: default}
    spec:
      workload: {app: productpage, version: v1}
      listeners:

    """
    if let app { yaml += "    inbound: {port: 0, app: \"\(app)\"}\n" }
    yaml += "    outbound: {port: 0}\n    admin: {port: 0}\n"
    if !tcp.isEmpty {
        yaml += "    tcp:\n"
        for listener in tcp { yaml += "      - {name: \(listener.name), port: 0, upstream: \"\(listener.upstream)\"}\n" }
    }
    yaml += "  services:\n"
    for service in services {
        yaml += "    - name: \(service.name)\n      port: 9080\n      endpoints:\n"
        for (address, version) in service.endpoints {
            yaml += "        - {address: \"\(address)\", labels: {version: \(version)}}\n"
        }
    }
    return yaml
}

/// Builds the configuration or fails the test with the findings.
func policyConfig(_ documents: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> PolicyConfig {
    let sources = documents.enumerated().map { (file: "doc\($0.offset).yaml", text: $0.element) }
    let (config, validation) = PolicyConfig.build(yaml: sources)
    return try #require(config, "config did not build:\n\(validation)", sourceLocation: sourceLocation)
}

/// Runs a proxy for the duration of `body`, then drains it and waits for `run()` to end.
func withProxy<T: Sendable>(_ config: PolicyConfig, observer: any ProxyObserver = NoopObserver(),
                            hooks: AdminHooks = AdminHooks(),
                            options: ProxyServerOptions = ProxyServerOptions(drainGracePeriod: .seconds(2)),
                            _ body: (ProxyServer, BoundPorts) async throws -> T) async throws -> T {
    let server = ProxyServer(config: config, observer: observer, adminHooks: hooks, options: options)
    let running = Task { try await server.run() }
    do {
        let ports = try await server.boundPorts()
        let result = try await body(server, ports)
        server.beginDrain()
        try await running.value
        return result
    } catch {
        server.beginDrain()
        _ = try? await running.value
        throw error
    }
}

/// Polls `condition` every 10ms for at most `timeout`.
func eventually(timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
