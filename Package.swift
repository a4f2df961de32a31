// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "MeshScope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meshscope", targets: ["MeshScopeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.36.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
    ],
    targets: [
        // Pure: labels, samples, chunk encoding, exposition parsing and writing. No I/O.
        .target(name: "MeshMetrics", exclude: ["Chunks/FORMAT.md"]),
        // PromQL: parser, AST, evaluator and functions. Pure: reads through `Queryable`.
        .target(name: "PromQL", dependencies: ["MeshMetrics"]),
        // Prometheus' PromQL test-script language and the conformance runner's bookkeeping.
        .target(name: "PromQLTestScript", dependencies: ["MeshMetrics"]),
        // Zipkin v2 model, JSON v2 and proto3 codecs, trace merging, dependency links. Pure.
        .target(name: "Traces"),
        // Access-log records: the three JSON shapes (Istio flat, nested, custom Envoy
        // json_format) mapped onto one model, NDJSON batches with line numbers. Pure.
        .target(name: "AccessLogs"),
        // Follows growing files across rotation (rename, truncation) by inode and offset.
        .target(name: "LogFollow"),
        // The sidecar's policy: Istio VirtualService/DestinationRule and ProxyConfig
        // documents, their validation, routing decisions, and the retry, circuit-breaker,
        // outlier and pool state machines. Pure: no sockets.
        .target(name: "MeshPolicy", dependencies: ["MeshMetrics", .product(name: "Yams", package: "Yams")]),
        // This process' own resource use from /proc, as Prometheus' process_* metrics.
        .target(name: "ProcessMetrics"),
        // The sidecar's telemetry: Istio-standard metrics and their exposition, Envoy-style
        // stats, Zipkin spans per hop with B3/W3C propagation and a batching reporter, and
        // Envoy/Istio JSON access-log records.
        .target(name: "ProxyTelemetry", dependencies: [
            "MeshMetrics", "Traces", "ProcessMetrics",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The mesh certificate authority: a self-signed root persisted on disk, CSR checks,
        // short-lived SPIFFE workload certificates, and the workload side's key and CSR.
        .target(name: "MeshCA", dependencies: [
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The sidecar's data path on SwiftNIO: HTTP/1.1 inbound and outbound listeners,
        // upstream pools, retries, timeouts, faults, mirroring, TCP pass-through, admin.
        .target(name: "Proxy", dependencies: [
            "MeshPolicy", "MeshCA",
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Prometheus remote write 1.0 on the wire: snappy block compression and the protobuf
        // WriteRequest, both ways. Pure: functions over bytes.
        .target(name: "RemoteWrite", dependencies: ["MeshMetrics"], exclude: ["FORMAT.md"]),
        // Hands stored data on to other engines: a bounded on-disk queue (SQLite) per
        // destination, delivered in order with retries and backoff: remote write for samples,
        // Zipkin's POST /api/v2/spans for spans.
        .target(name: "Outbox", dependencies: [
            "MeshMetrics", "RemoteWrite", "Traces", "AccessLogs",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], exclude: ["FORMAT.md"]),
        // Seeded mutational fuzzing (mutator and loop) shared by `bench fuzz` and the tests. Pure.
        .target(name: "Fuzzing", dependencies: ["MeshMetrics"]),
        // HTTP client credentials and TLS settings (values only): decoded by Config, applied
        // by the scrape loops and the forwarders.
        .target(name: "HTTPClientSettings"),
        // Kernel-chosen ports on 127.0.0.1 for child processes, and ports certain to refuse.
        .target(name: "LoopbackPorts"),
        // Bridges the PromQL engine to the SQLite metrics store.
        .target(name: "StorageQuery", dependencies: ["PromQL", "Storage", "MeshMetrics"]),
        // YAML configuration: schema, validation with line numbers.
        .target(name: "Config", dependencies: [
            "MeshMetrics", "HTTPClientSettings",
            .product(name: "Yams", package: "Yams"),
        ]),
        // SQLite persistence (GRDB on the system libsqlite3).
        .target(name: "Storage", dependencies: [
            "MeshMetrics", "Traces", "AccessLogs",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["FORMAT.md", "Logs/FORMAT.md"]),
        // Scrape loop: HTTP client, gzip, staleness, per-target health.
        .target(name: "Scrape", dependencies: [
            "MeshMetrics", "Storage", "HTTPClientSettings",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The web pages: page models rendered from the Mustache templates in Web/.
        .target(name: "WebUI", dependencies: [
            "MeshMetrics", "Traces", "AccessLogs", "ServiceGraph", "Dashboard", "Charts",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The service graph: nodes and edges folded from Istio request metrics (or trace
        // dependency links), Kiali's health rules and badges, a layered layout and its SVG.
        // Pure (MeshMetrics only for its random generator).
        .target(name: "ServiceGraph", dependencies: ["MeshMetrics"]),
        // Grafana's dashboard JSON model (a subset): panels, targets, templating variables
        // and Grafana's interval arithmetic. Pure.
        .target(name: "Dashboard"),
        // Server-side SVG charts: time series with axes, units, legends, exemplars; sparklines. Pure.
        .target(name: "Charts"),
        // HTTP routes: exposition endpoints, health, reload, the Prometheus query API.
        .target(name: "Server", dependencies: [
            "MeshMetrics", "Storage", "Scrape", "Config", "PromQL", "StorageQuery", "Traces", "AccessLogs", "LogFollow",
            "ProcessMetrics", "WebUI", "ServiceGraph", "Dashboard", "Charts", "Outbox", "MeshCA",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "MeshScopeCLI", dependencies: [
            "MeshMetrics", "Storage", "Scrape", "Server", "Config", "PromQL", "StorageQuery", "Traces",
            "Proxy", "MeshPolicy", "ProxyTelemetry", "WebUI", "ServiceGraph", "Outbox", "RemoteWrite", "Fuzzing", "MeshCA",
            "LoopbackPorts", "HTTPClientSettings",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),
        .testTarget(name: "MeshMetricsTests", dependencies: ["MeshMetrics", "Fuzzing"]),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "HTTPClientSettings"]),
        .testTarget(name: "RemoteWriteTests", dependencies: ["RemoteWrite", "MeshMetrics"]),
        .testTarget(name: "OutboxTests", dependencies: [
            "Outbox", "RemoteWrite", "MeshMetrics", "Traces", "LoopbackPorts", "AccessLogs",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "TracesTests", dependencies: ["Traces", "Fuzzing"]),
        .testTarget(name: "AccessLogsTests", dependencies: ["AccessLogs", "Fuzzing"]),
        .testTarget(name: "LogFollowTests", dependencies: ["LogFollow", "MeshMetrics"]),
        .testTarget(name: "MeshPolicyTests", dependencies: ["MeshPolicy"]),
        .testTarget(name: "MeshCATests", dependencies: [
            "MeshCA",
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),
        .testTarget(name: "ProxyTelemetryTests", dependencies: [
            "ProxyTelemetry", "MeshMetrics", "Traces", "ProcessMetrics", "LoopbackPorts",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "ProxyTests", dependencies: [
            "Proxy", "MeshPolicy", "MeshCA",
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "WebUITests", dependencies: [
            "WebUI", "Server", "Storage", "Scrape", "MeshMetrics", "Traces", "AccessLogs", "Config", "ServiceGraph", "Dashboard",
            "Charts",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),
        .testTarget(name: "ServiceGraphTests", dependencies: ["ServiceGraph", "MeshMetrics"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "MeshMetrics", "Fuzzing"]),
        .testTarget(name: "PromQLTestScriptTests", dependencies: ["PromQLTestScript", "MeshMetrics"]),
        .testTarget(name: "PromQLConformanceTests", dependencies: [
            "PromQL", "PromQLTestScript", "MeshMetrics", "Storage", "StorageQuery",
        ], exclude: ["known-failures.txt"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "MeshMetrics", "Traces", "AccessLogs"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "Server", "Storage", "MeshMetrics", "Scrape", "Config", "Traces", "RemoteWrite", "MeshCA",
            "LoopbackPorts",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
