import Config
import Foundation
import Logging
import NIOSSL
import Synchronization

/// The listeners' current TLS context, rebuilt when the certificate, key or client CA
/// files change. Reads happen per new connection (`current`), rebuilds on reload and on
/// the periodic check; a rebuild that fails keeps the running context.
public final class TLSContextStore: Sendable {
    private struct State {
        var context: NIOSSLContext
        var config: ListenerTLSConfig
        var stamps: [FileStamp]
    }

    private let state: Mutex<State>
    private let logger: Logger
    /// Contexts built after the first (for tests and logs).
    private let reloads = Atomic<Int>(0)

    /// Loads the files now; throws when they cannot be used, so `serve` stops at start
    /// rather than serving plain HTTP by surprise.
    public init(config: ListenerTLSConfig, logger: Logger) throws {
        let stamps = Self.stamps(config)
        let context = try Self.makeContext(config)
        self.state = Mutex(State(context: context, config: config, stamps: stamps))
        self.logger = logger
    }

    public var current: NIOSSLContext { state.withLock { $0.context } }
    public var reloadCount: Int { reloads.load(ordering: .relaxed) }
    public var reloadInterval: Duration {
        .milliseconds(state.withLock { $0.config.reloadInterval.milliseconds })
    }

    /// Rebuilds the context when a file (or, with `config`, a path) changed. Returns an
    /// error message when the new files cannot be used; the old context stays.
    @discardableResult
    public func reloadIfChanged(config newConfig: ListenerTLSConfig? = nil) -> String? {
        let (config, old) = state.withLock { ($0.config, $0.stamps) }
        let target = newConfig.map { $0.isEnabled ? $0 : config } ?? config
        let stamps = Self.stamps(target)
        if stamps == old && target == config { return nil }
        do {
            let context = try Self.makeContext(target)
            state.withLock { $0 = State(context: context, config: target, stamps: stamps) }
            reloads.add(1, ordering: .relaxed)
            logger.notice("TLS certificate reloaded", metadata: ["cert_file": "\(target.certFile)"])
            return nil
        } catch {
            logger.error("TLS files rejected; keeping the running certificate",
                         metadata: ["cert_file": "\(target.certFile)", "error": "\(error)"])
            return "tls: \(error)"
        }
    }

    static func makeContext(_ config: ListenerTLSConfig) throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMFile(config.certFile)
        if chain.isEmpty { throw TLSFileError("\(config.certFile) holds no PEM certificate") }
        let key = try NIOSSLPrivateKey(file: config.keyFile, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                           privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        if !config.clientCAFile.isEmpty {
            let roots = try NIOSSLCertificate.fromPEMFile(config.clientCAFile)
            if roots.isEmpty { throw TLSFileError("\(config.clientCAFile) holds no PEM certificate") }
            tls.trustRoots = .certificates(roots)
            // Clients have no host name to check; the CA's signature is the check.
            tls.certificateVerification = .noHostnameVerification
        }
        return try NIOSSLContext(configuration: tls)
    }

    private static func stamps(_ config: ListenerTLSConfig) -> [FileStamp] {
        [config.certFile, config.keyFile, config.clientCAFile].filter { !$0.isEmpty }.map(FileStamp.init(path:))
    }
}
