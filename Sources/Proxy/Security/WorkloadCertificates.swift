import Foundation
import Logging
import MeshCA
import ServiceLifecycle
import Synchronization

/// The proxy's workload certificate: fetched from the mesh CA (a fresh P-256 key and a
/// CSR each time), renewed on the `RotationSchedule`, swapped whole. A new connection
/// takes the material current when it starts and keeps it; open connections are never
/// touched, so a rotation drops nothing. Run it as a `Service` (or call `run()`).
public final class WorkloadCertificates: Service, Sendable {
    struct State {
        var material: MeshTLSMaterial?
        var rotations = 0
        var failures = 0
        var lastError: String?
    }

    public let identity: SPIFFEID
    let issuer: any CertificateIssuing
    let ttl: Duration?
    let schedule: RotationSchedule
    let logger: Logger
    private let state = Mutex(State())

    public init(identity: SPIFFEID, issuer: any CertificateIssuing, ttl: Duration? = nil,
                schedule: RotationSchedule = RotationSchedule(), logger: Logger = Logger(label: "meshscope.proxy.certs")) {
        self.identity = identity
        self.issuer = issuer
        self.ttl = ttl
        self.schedule = schedule
        self.logger = logger
    }

    public var trustDomain: String { identity.trustDomain }

    /// The certificate in use; nil until the first one arrived.
    public var current: MeshTLSMaterial? { state.withLock { $0.material } }

    /// Certificates received after the first.
    public var rotations: Int { state.withLock { $0.rotations } }

    public var lastError: String? { state.withLock { $0.lastError } }

    /// Gets one certificate now and installs it.
    @discardableResult
    public func renew() async throws -> MeshTLSMaterial {
        let key = WorkloadKey(identity: identity)
        let issued = try await issuer.issue(csrPEM: try key.csrPEM(), ttl: ttl)
        guard issued.identity == identity else {
            throw CAError.badIdentity("the CA issued \(issued.identity.uri), not \(identity.uri)")
        }
        let material = try MeshTLSMaterial(issued: issued, privateKeyPEM: key.privateKeyPEM)
        let rotation = state.withLock { state -> Int in
            if state.material != nil { state.rotations += 1 }
            state.material = material
            state.failures = 0
            state.lastError = nil
            return state.rotations
        }
        logger.info("workload certificate installed", metadata: [
            "identity": "\(identity.uri)", "serial": "\(material.serialHex)", "notAfter": "\(material.notAfter)",
            "rotation": "\(rotation)",
        ])
        return material
    }

    /// Waits (retrying on the schedule) until a first certificate is installed, or
    /// `timeout` passes.
    public func waitForFirst(timeout: Duration) async throws -> MeshTLSMaterial {
        let deadline = ContinuousClock.now + timeout
        var failures = 0
        while true {
            if let material = current { return material }
            do {
                return try await renew()
            } catch {
                failures += 1
                noteFailure(error)
                let wait = schedule.retry(after: failures, now: Date(), notAfter: nil).timeIntervalSinceNow
                guard ContinuousClock.now + .seconds(wait) < deadline else { throw error }
                try await Task.sleep(for: .seconds(max(0, wait)))
            }
        }
    }

    /// Renews on schedule until cancelled or shut down gracefully.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let next = self.nextAttempt(now: Date())
                let wait = next.timeIntervalSinceNow
                if wait > 0 {
                    do { try await Task.sleep(for: .milliseconds(Int64(wait * 1000))) } catch { return }
                }
                do {
                    try await self.renew()
                } catch {
                    self.noteFailure(error)
                }
            }
        }
    }

    func nextAttempt(now: Date) -> Date {
        state.withLock { state in
            if state.failures > 0 {
                return schedule.retry(after: state.failures, now: now, notAfter: state.material?.notAfter)
            }
            guard let material = state.material else { return now }
            return schedule.renewal(receivedAt: material.receivedAt, notAfter: material.notAfter)
        }
    }

    private func noteFailure(_ error: any Error) {
        let failures = state.withLock { state -> Int in
            state.failures += 1
            state.lastError = "\(error)"
            return state.failures
        }
        logger.warning("workload certificate request failed", metadata: [
            "identity": "\(identity.uri)", "error": "\(error)", "failures": "\(failures)",
        ])
    }
}
