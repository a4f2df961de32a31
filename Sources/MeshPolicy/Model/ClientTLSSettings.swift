/// A DestinationRule's `tls`, recorded for the coming mTLS work and not applied yet.
public struct ClientTLSSettings: Sendable, Hashable {
    /// `DISABLE`, `SIMPLE`, `MUTUAL` or `ISTIO_MUTUAL`.
    public var mode: String
    public var sni: String?

    public init(mode: String, sni: String? = nil) {
        self.mode = mode
        self.sni = sni
    }

    static let modes: Set<String> = ["DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"]
}
