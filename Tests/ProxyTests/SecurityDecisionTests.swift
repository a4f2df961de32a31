import Foundation
import MeshPolicy
import Proxy
import Testing

@Suite struct SecurityDecisionTests {
    @Test func inboundDecisions() {
        let tls = InboundSecurityDecision.tlsHandshakeByte
        let get = UInt8(ascii: "G")
        #expect(InboundSecurityDecision.decide(mode: .strict, firstByte: tls, haveCertificate: true) == .mutualTLS)
        if case .reject = InboundSecurityDecision.decide(mode: .strict, firstByte: get, haveCertificate: true) {} else {
            Issue.record("STRICT must refuse plaintext")
        }
        if case .reject = InboundSecurityDecision.decide(mode: .strict, firstByte: tls, haveCertificate: false) {} else {
            Issue.record("STRICT without a certificate must refuse")
        }
        #expect(InboundSecurityDecision.decide(mode: .permissive, firstByte: get, haveCertificate: true) == .plaintext)
        #expect(InboundSecurityDecision.decide(mode: .permissive, firstByte: tls, haveCertificate: true) == .mutualTLS)
        #expect(InboundSecurityDecision.decide(mode: .disable, firstByte: get, haveCertificate: true) == .plaintext)
        if case .reject = InboundSecurityDecision.decide(mode: .disable, firstByte: tls, haveCertificate: true) {} else {
            Issue.record("DISABLE must refuse TLS")
        }
    }

    @Test func outboundDecisions() {
        let sidecar = [OutboundSecurityDecision.tlsModeLabel: "istio"]
        func decide(_ mode: String?, _ labels: [String: String], auto: Bool = true, cert: Bool = true,
                    local: Bool = false) -> Bool {
            OutboundSecurityDecision.useMutualTLS(tls: mode.map { ClientTLSSettings(mode: $0) }, endpointLabels: labels,
                                                  autoMTLS: auto, haveCertificate: cert, localApp: local)
        }
        #expect(decide("ISTIO_MUTUAL", [:]))
        #expect(!decide("DISABLE", sidecar))
        #expect(decide(nil, sidecar))
        #expect(!decide(nil, [:]))
        #expect(!decide(nil, sidecar, auto: false))
        #expect(!decide("ISTIO_MUTUAL", sidecar, cert: false))
        #expect(!decide("ISTIO_MUTUAL", sidecar, local: true))
    }

    @Test func rotationSchedule() {
        let schedule = RotationSchedule(fraction: 0.5, minimumRetry: 0.2, maximumRetry: 30)
        let received = Date(timeIntervalSince1970: 1_000)
        let renewal = schedule.renewal(receivedAt: received, notAfter: received.addingTimeInterval(86_400))
        #expect(renewal == received.addingTimeInterval(43_200))
        // Short TTL: still half of what is left, whatever NotBefore was backdated to.
        #expect(schedule.renewal(receivedAt: received, notAfter: received.addingTimeInterval(10))
            == received.addingTimeInterval(5))
        // Retries double from the minimum, capped, and never wait past half the time left.
        let now = received
        #expect(schedule.retry(after: 1, now: now, notAfter: nil) == now.addingTimeInterval(0.2))
        #expect(schedule.retry(after: 3, now: now, notAfter: nil) == now.addingTimeInterval(0.8))
        #expect(schedule.retry(after: 20, now: now, notAfter: nil) == now.addingTimeInterval(30))
        #expect(schedule.retry(after: 20, now: now, notAfter: now.addingTimeInterval(10)) == now.addingTimeInterval(5))
        #expect(schedule.retry(after: 20, now: now, notAfter: now.addingTimeInterval(-1)) == now.addingTimeInterval(0.2))
        #expect(RotationSchedule(fraction: 2).fraction == 0.95)
    }

    @Test func peerAuthenticationPrecedence() {
        let workload = WorkloadIdentity(name: "reviews-v1", app: "reviews", version: "v1", namespace: "shop")
        let mesh = PeerAuthentication(name: "default", namespace: "istio-system", mode: .strict)
        let namespace = PeerAuthentication(name: "default", namespace: "shop", mode: .disable)
        let unset = PeerAuthentication(name: "inherit", namespace: "shop", selector: ["app": "reviews"], mode: nil)
        let workloadLevel = PeerAuthentication(name: "reviews", namespace: "shop", selector: ["app": "reviews"],
                                               mode: .permissive, portLevel: [9080: .strict])
        let other = PeerAuthentication(name: "ratings", namespace: "shop", selector: ["app": "ratings"], mode: .disable)
        #expect(PeerAuthenticationResolver.mode([], workload: workload, port: 9080) == .permissive)
        #expect(PeerAuthenticationResolver.mode([mesh], workload: workload, port: 9080) == .strict)
        #expect(PeerAuthenticationResolver.mode([mesh, namespace], workload: workload, port: 9080) == .disable)
        #expect(PeerAuthenticationResolver.mode([mesh, unset], workload: workload, port: 9080) == .strict)
        #expect(PeerAuthenticationResolver.mode([mesh, namespace, other], workload: workload, port: 9080) == .disable)
        #expect(PeerAuthenticationResolver.mode([namespace, workloadLevel], workload: workload, port: 9080) == .strict)
        #expect(PeerAuthenticationResolver.mode([namespace, workloadLevel], workload: workload, port: 9081) == .permissive)
    }
}
