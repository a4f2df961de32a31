import Foundation
import Testing
@testable import MeshPolicy

/// `shared/conformance/istio-examples`, beside the repository root (three levels above
/// this file: `Tests/MeshPolicyTests/<file>`), as the other conformance suites find it.
enum IstioExamples {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // MeshPolicyTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repo root
        .deletingLastPathComponent() // its parent, which holds shared/
        .appendingPathComponent("shared/conformance/istio-examples")

    static func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
    }
}

/// A ProxyConfig for the `reviews` family used across router tests: workload
/// productpage-v1 in `bookinfo`, services reviews (v1, v2, v3), ratings (v1) and mysqldb.
let proxyYAML = """
apiVersion: meshscope/v1
kind: ProxyConfig
metadata:
  name: productpage-v1
  namespace: bookinfo
spec:
  workload:
    app: productpage
    version: v1
    serviceAccount: bookinfo-productpage
  listeners:
    inbound: {port: 15006, app: "127.0.0.1:9080"}
    outbound: {port: 15001}
    admin: {port: 15000}
    tcp:
      - {name: mysql, port: 13306, upstream: "mysqldb:3306"}
  collector: {address: "127.0.0.1:9098"}
  tracing: {samplingPercentage: 50}
  accessLog: {path: /dev/stdout}
  services:
    - name: reviews
      port: 9080
      hosts: [reviews.example.com]
      endpoints:
        - {address: "127.0.0.1:9081", labels: {version: v1}}
        - {address: "127.0.0.1:9082", labels: {version: v2}}
        - {address: "127.0.0.1:9083", labels: {version: v3}}
    - name: ratings
      port: 9080
      endpoints:
        - {address: "127.0.0.1:9091", labels: {version: v1}}
    - name: mysqldb
      port: 3306
      endpoints:
        - {address: "127.0.0.1:3307", labels: {version: v1}}
        - {address: "127.0.0.1:3308", labels: {version: v2}}
"""

let reviewsRuleYAML = """
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool:
      http: {http2MaxRequests: 100}
  subsets:
    - {name: v1, labels: {version: v1}}
    - name: v2
      labels: {version: v2}
      trafficPolicy:
        loadBalancer: {simple: RANDOM}
    - {name: v3, labels: {version: v3}}
"""

/// One file on its own.
func validate(_ yaml: String, file: String = "test.yaml") -> Validation {
    PolicyValidator.validate(yaml: yaml, file: file)
}

/// Findings whose message contains `text`.
func findings(_ validation: Validation, containing text: String) -> [Finding] {
    validation.findings.filter { $0.message.contains(text) }
}

/// A router over the ProxyConfig above plus `rules`; records an issue when the
/// configuration does not build.
func makeRouter(_ rules: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Router {
    let sources = [(file: "proxy.yaml", text: proxyYAML)] + rules.enumerated().map { (file: "rules\($0.offset).yaml", text: $0.element) }
    let (config, validation) = PolicyConfig.build(yaml: sources)
    let built = try #require(config, "config did not build:\n\(validation)", sourceLocation: sourceLocation)
    return Router(config: built)
}

/// The upstream target of a forward decision, or nil.
extension RouteDecision {
    var forwardTarget: UpstreamTarget? {
        if case .forward(let target) = action { return target }
        return nil
    }
}

func endpoint(_ port: Int, _ version: String? = nil) -> ServiceEndpoint {
    ServiceEndpoint(address: HostPort(host: "127.0.0.1", port: port), labels: version.map { ["version": $0] } ?? [:])
}
