import Foundation
import Config
import Scrape

extension TargetDiscovery {
    /// The config entry with Prometheus' in-cluster defaults filled in: the service
    /// account's token and CA when present (a missing default file is not an error, so
    /// a plain-http API server outside a cluster works without them).
    static func settings(_ sd: KubernetesSDConfig) -> KubernetesDiscoverySettings {
        var caFile = sd.caFile
        if caFile == nil, FileManager.default.fileExists(atPath: KubernetesSDConfig.defaultCAFile) {
            caFile = KubernetesSDConfig.defaultCAFile
        }
        // Several selectors of one role narrow its list together (joined, AND).
        var selectors: [KubernetesResource: KubernetesResource.Selector] = [:]
        for role in [KubernetesSDConfig.Role.pod, .service, .endpoints] {
            let own = sd.selectors.filter { $0.role == role }
            guard !own.isEmpty else { continue }
            let resource: KubernetesResource = switch role {
            case .pod: .pods
            case .service: .services
            case .endpoints: .endpoints
            }
            selectors[resource] = .init(label: own.map(\.label).filter { !$0.isEmpty }.joined(separator: ","),
                                        field: own.map(\.field).filter { !$0.isEmpty }.joined(separator: ","))
        }
        return KubernetesDiscoverySettings(
            role: sd.role == .endpoints ? .endpoints : .pod,
            apiServer: sd.apiServer, namespaces: sd.namespaces, ownNamespace: sd.ownNamespace,
            selectors: selectors,
            bearerTokenFile: sd.bearerTokenFile ?? KubernetesSDConfig.defaultBearerTokenFile,
            bearerTokenRequired: sd.bearerTokenFile != nil,
            caFile: caFile, insecureSkipVerify: sd.insecureSkipVerify,
            refreshMilliseconds: sd.refreshInterval.milliseconds)
    }
}
