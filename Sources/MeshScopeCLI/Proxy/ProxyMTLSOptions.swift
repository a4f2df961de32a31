import ArgumentParser
import Foundation
import Logging
import MeshCA
import MeshPolicy
import Proxy

/// `meshscope proxy`'s mTLS flags. With `--ca-url` the proxy gets a workload certificate
/// from the collector's CA before it listens, renews it on schedule, and uses it on the
/// inbound listener (per PeerAuthentication) and for outbound mTLS.
struct ProxyMTLSOptions: ParsableArguments {
    @Option(help: "The collector whose CA signs this proxy's certificate (ca.enabled), e.g. http://127.0.0.1:9098. Enables mTLS.")
    var caURL: String?

    @Option(help: "File holding the CA's bootstrap token (ca.bootstrap_token_file on the collector), sent as Authorization: Bearer.")
    var caTokenFile: String?

    @Option(help: "Namespace of the workload identity. Default: the ProxyConfig's workload namespace.")
    var namespace: String?

    @Option(help: "Service account of the workload identity. Default: the ProxyConfig's workload serviceAccount.")
    var serviceAccount: String?

    @Option(help: "Lifetime to ask for (e.g. 24h, 90s). Default: the CA's workload_cert_ttl.")
    var certTTL: String?

    @Option(help: "Renew when this fraction of the certificate's lifetime has passed (0.05...0.95).")
    var certRotationFraction: Double = 0.5

    @Flag(inversion: .prefixedNo,
          help: "Auto mTLS: without a DestinationRule tls mode, send mTLS to endpoints labelled security.istio.io/tlsMode: istio.")
    var autoMTLS = true

    func validate() throws {
        guard certRotationFraction >= 0.05, certRotationFraction <= 0.95 else {
            throw ValidationError("--cert-rotation-fraction must be 0.05...0.95")
        }
        if let certTTL, case .failure(let problem) = IstioDuration.parse(certTTL) {
            throw ValidationError("--cert-ttl: \(problem.message)")
        }
        if caURL == nil, caTokenFile != nil || certTTL != nil {
            throw ValidationError("--ca-token-file and --cert-ttl need --ca-url")
        }
    }

    /// The certificates, the first one already installed; nil without `--ca-url`.
    func start(workload: WorkloadIdentity, logger: Logger) async throws -> MeshTLS? {
        guard let caURL else { return nil }
        if let caTokenFile { _ = try CollectorCertificateIssuer.readToken(caTokenFile) }
        let identity = SPIFFEID(trustDomain: workload.trustDomain, namespace: namespace ?? workload.namespace,
                                serviceAccount: serviceAccount ?? workload.serviceAccount)
        let ttl = certTTL.flatMap { try? IstioDuration.parse($0).get() }
        let certificates = WorkloadCertificates(
            identity: identity, issuer: CollectorCertificateIssuer(baseURL: caURL, tokenFile: caTokenFile), ttl: ttl,
            schedule: RotationSchedule(fraction: certRotationFraction), logger: logger)
        do {
            _ = try await certificates.waitForFirst(timeout: .seconds(30))
        } catch {
            throw CommandFailure("cannot get a workload certificate from \(caURL): \(error)")
        }
        return MeshTLS(certificates: certificates, autoMTLS: autoMTLS)
    }
}
