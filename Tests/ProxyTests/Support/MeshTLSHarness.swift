import Foundation
import MeshCA
import MeshPolicy
import NIOCore
import NIOPosix
import NIOSSL
import Proxy
import Testing

/// An in-test mesh: one CA, and workload certificates for named service accounts.
struct TestMesh {
    let ca: CertificateAuthority

    init(ttl: Duration = .seconds(3600)) throws {
        let (root, key) = try CertificateAuthority.makeRoot(trustDomain: "cluster.local")
        ca = CertificateAuthority(rootCertificate: root, rootKey: key, trustDomain: "cluster.local", defaultTTL: ttl)
    }

    static func identity(_ serviceAccount: String) -> SPIFFEID {
        SPIFFEID(trustDomain: "cluster.local", namespace: "default", serviceAccount: serviceAccount)
    }

    /// Certificates for `serviceAccount`, the first one installed.
    func certificates(_ serviceAccount: String, ttl: Duration? = nil,
                      schedule: RotationSchedule = RotationSchedule()) async throws -> WorkloadCertificates {
        let certificates = WorkloadCertificates(identity: Self.identity(serviceAccount), issuer: ca, ttl: ttl,
                                                schedule: schedule)
        try await certificates.renew()
        return certificates
    }
}

/// The server side: a workload `reviews` behind a proxy whose inbound listener is under
/// `mode`, in front of `app`.
func serverSideYAML(app: String, mode: String?) -> [String] {
    var documents = ["""
    apiVersion: meshscope/v1
    kind: ProxyConfig
    metadata: {name: reviews-v1, namespace: default}
    spec:
      workload: {app: reviews, version: v1, serviceAccount: reviews}
      listeners:
        inbound: {port: 0, app: "\(app)"}
        admin: {port: 0}
    """]
    if let mode {
        documents.append("""
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: default, namespace: default}
        spec:
          mtls: {mode: \(mode)}
        """)
    }
    return documents
}

/// The client side: `productpage` calling `reviews` at `endpoint` (an inbound listener
/// with a sidecar: labelled for auto mTLS), with an optional DestinationRule policy.
func clientSideYAML(endpoint: String, sidecarLabel: Bool = true, trafficPolicy: String? = nil) -> [String] {
    var documents = ["""
    apiVersion: meshscope/v1
    kind: ProxyConfig
    metadata: {name: productpage-v1, namespace: default}
    spec:
      workload: {app: productpage, version: v1, serviceAccount: productpage}
      listeners:
        outbound: {port: 0}
        admin: {port: 0}
      services:
        - name: reviews
          port: 9080
          endpoints:
            - {address: "\(endpoint)", labels: {version: v1\(sidecarLabel ? ", security.istio.io/tlsMode: istio" : "")}}
    """]
    if let trafficPolicy {
        documents.append("""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: default}
        spec:
          host: reviews
          trafficPolicy:
        \(trafficPolicy.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        """)
    }
    return documents
}

func policyConfig(documents: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> PolicyConfig {
    let sources = documents.enumerated().map { (file: "doc\($0.offset).yaml", text: $0.element) }
    let (config, validation) = PolicyConfig.build(yaml: sources)
    return try #require(config, "config did not build:\n\(validation)", sourceLocation: sourceLocation)
}

enum TLSProbe {
    /// Completes a TLS handshake with `port` presenting `material`'s certificate, and
    /// returns the facts of the certificate the server presented.
    static func serverCertificate(port: Int, material: MeshTLSMaterial) async throws -> CertificateFacts {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: material.clientContext, serverHostname: nil))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        defer { channel.close(promise: nil) }
        // The handshake is done once the peer certificate is known; poll briefly.
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let certificate = try await channel.nioSSL_peerCertificate().get()
            if let certificate { return try CertificateFacts(derBytes: try certificate.toDERBytes()) }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ChannelError.connectTimeout(.seconds(10))
    }
}
