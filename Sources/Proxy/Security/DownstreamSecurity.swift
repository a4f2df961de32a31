/// How a downstream connection reached the inbound listener, sent down the pipeline as a
/// user event once the TLS handshake verified the client's certificate.
public enum DownstreamSecurity: Sendable, Hashable {
    case plaintext
    /// mTLS with a client certificate from the mesh root; its SPIFFE URI.
    case mutualTLS(peerPrincipal: String)
}
