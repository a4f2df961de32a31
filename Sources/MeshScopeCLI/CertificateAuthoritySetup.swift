import Config
import Logging
import Server

/// `ca.enabled`: makes (or loads) the mesh root in `<data_dir>/ca/` at start, so a broken
/// or unreadable root stops `serve` at once instead of failing the first sidecar.
enum CertificateAuthoritySetup {
    static func start(_ settings: MeshScopeConfig, logger: Logger) throws {
        do {
            guard let service = try CAService.shared(for: settings, logger: logger) else { return }
            logger.notice("mesh certificate authority ready", metadata: [
                "trustDomain": "\(service.settings.trustDomain)",
                "workloadCertTTL": "\(service.settings.workloadCertTTL)",
                "bootstrapToken": "\(service.settings.bootstrapTokenFile.isEmpty ? "none (loopback only)" : "file")",
            ])
        } catch {
            throw CommandFailure.fail("cannot start the certificate authority: \(error)")
        }
    }
}
