import MeshPolicy

/// What the inbound listener does with a new connection, from its mTLS mode and the
/// first byte the client sent (0x16 opens a TLS handshake record). Pure.
public enum InboundSecurityDecision: Sendable, Hashable {
    /// Terminate TLS, requiring a client certificate from the mesh root.
    case mutualTLS
    case plaintext
    case reject(String)

    public static let tlsHandshakeByte: UInt8 = 0x16

    public static func decide(mode: MutualTLSMode, firstByte: UInt8, haveCertificate: Bool) -> InboundSecurityDecision {
        let tls = firstByte == tlsHandshakeByte
        switch mode {
        case .strict:
            guard tls else { return .reject("STRICT mTLS: plaintext connection refused") }
            return haveCertificate ? .mutualTLS : .reject("STRICT mTLS: no workload certificate yet")
        case .permissive:
            guard tls else { return .plaintext }
            return haveCertificate ? .mutualTLS : .reject("TLS connection but no workload certificate yet")
        case .disable:
            return tls ? .reject("mTLS DISABLE: TLS connection refused") : .plaintext
        }
    }
}

/// Whether an outbound connection to a mesh endpoint uses mTLS. Pure.
///
/// A DestinationRule `tls.mode: ISTIO_MUTUAL` asks for it, `DISABLE` forbids it. Without
/// one, auto mTLS (on by default) sends mTLS to endpoints labelled
/// `security.istio.io/tlsMode: istio` (Istio's label for a workload with a sidecar).
/// Nothing is mTLS while the proxy has no workload certificate, and connections to the
/// local app (the inbound cluster) never are.
public enum OutboundSecurityDecision {
    public static let tlsModeLabel = "security.istio.io/tlsMode"

    public static func useMutualTLS(tls: ClientTLSSettings?, endpointLabels: [String: String], autoMTLS: Bool,
                                    haveCertificate: Bool, localApp: Bool) -> Bool {
        guard haveCertificate, !localApp else { return false }
        switch tls?.mode {
        case "ISTIO_MUTUAL": return true
        case nil: return autoMTLS && endpointLabels[tlsModeLabel] == "istio"
        default: return false
        }
    }
}
