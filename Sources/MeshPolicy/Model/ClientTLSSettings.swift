/// A DestinationRule's `tls`. `ISTIO_MUTUAL` (mesh certificates) and `DISABLE` are
/// applied by the outbound data path; `SIMPLE` and `MUTUAL` are recorded only.
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
