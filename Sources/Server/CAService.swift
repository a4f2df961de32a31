import Config
import Foundation
import Logging
import MeshCA
import Synchronization

/// The collector's mesh certificate authority, one per data directory, made (or loaded
/// from `<data_dir>/ca/`) on first use. `ServeCommand` asks for it at start so the root
/// exists before the first sidecar calls; the routes ask again and get the same one.
public final class CAService: Sendable {
    public let authority: CertificateAuthority
    public let settings: CAConfig
    /// Whether the collector's listener is bound to a loopback address: with no bootstrap
    /// token the issuing endpoint serves only then.
    public let listensOnLoopback: Bool

    public init(authority: CertificateAuthority, settings: CAConfig, listensOnLoopback: Bool) {
        self.authority = authority
        self.settings = settings
        self.listensOnLoopback = listensOnLoopback
    }

    private static let registry = Mutex<[String: CAService]>([:])

    /// The service for this configuration, made once per data directory; nil when
    /// `ca.enabled` is false.
    public static func shared(for config: MeshScopeConfig, logger: Logger = Logger(label: "meshscope.ca")) throws -> CAService? {
        let settings = config.ca
        guard settings.enabled else { return nil }
        let directory = URL(fileURLWithPath: config.server.dataDir).appendingPathComponent("ca").standardizedFileURL
        return try registry.withLock { services in
            if let known = services[directory.path] { return known }
            let ttl = Duration.milliseconds(settings.workloadCertTTL.milliseconds)
            let authority = try CAStore.loadOrCreate(directory: directory, trustDomain: settings.trustDomain,
                                                     defaultTTL: ttl, logger: logger)
            let host = config.server.listenAddress?.host ?? ""
            let service = CAService(authority: authority, settings: settings,
                                    listensOnLoopback: ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
                                        || host.hasPrefix("127."))
            services[directory.path] = service
            return service
        }
    }

    /// The bootstrap token, read from its file on each call (so it can be rotated);
    /// nil when none is configured. Throws when the file is configured but unreadable.
    func bootstrapToken() throws -> String? {
        guard !settings.bootstrapTokenFile.isEmpty else { return nil }
        let text = try String(contentsOfFile: settings.bootstrapTokenFile, encoding: .utf8)
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw CAError.storage("\(settings.bootstrapTokenFile) is empty") }
        return token
    }
}
