/// The proxy's mTLS settings: its certificates and whether auto mTLS applies to
/// outbound connections without a DestinationRule `tls` (see `OutboundSecurityDecision`).
public struct MeshTLS: Sendable {
    public let certificates: WorkloadCertificates
    public var autoMTLS: Bool

    public init(certificates: WorkloadCertificates, autoMTLS: Bool = true) {
        self.certificates = certificates
        self.autoMTLS = autoMTLS
    }
}
