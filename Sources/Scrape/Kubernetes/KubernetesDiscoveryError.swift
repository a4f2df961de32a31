/// Why a pod list failed; the discovery logs it and keeps the previous targets.
public struct KubernetesDiscoveryError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
