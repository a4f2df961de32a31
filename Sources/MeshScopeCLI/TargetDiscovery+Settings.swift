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
        return KubernetesDiscoverySettings(
            apiServer: sd.apiServer, namespaces: sd.namespaces, ownNamespace: sd.ownNamespace,
            labelSelector: sd.selectors.map(\.label).filter { !$0.isEmpty }.joined(separator: ","),
            fieldSelector: sd.selectors.map(\.field).filter { !$0.isEmpty }.joined(separator: ","),
            bearerTokenFile: sd.bearerTokenFile ?? KubernetesSDConfig.defaultBearerTokenFile,
            bearerTokenRequired: sd.bearerTokenFile != nil,
            caFile: caFile, insecureSkipVerify: sd.insecureSkipVerify,
            refreshMilliseconds: sd.refreshInterval.milliseconds)
    }
}
