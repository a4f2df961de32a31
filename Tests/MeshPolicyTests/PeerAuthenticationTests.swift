import Foundation
import MeshPolicy
import Testing

@Suite struct PeerAuthenticationTests {
    static func documents(_ yaml: String) -> (PolicyFile, Validation) {
        let file = PolicyLoader.load(yaml: yaml, file: "pa.yaml")
        return (file, PolicyValidator.validate([file], scope: .singleFile))
    }

    static func policies(_ file: PolicyFile) -> [PeerAuthentication] {
        file.documents.compactMap { if case .peerAuthentication(let p) = $0.content { return p } else { return nil } }
    }

    @Test func decodesModesSelectorsAndPorts() throws {
        let (file, validation) = Self.documents("""
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: mixed, namespace: shop}
        spec:
          selector: {matchLabels: {app: reviews}}
          mtls: {mode: UNSET}
          portLevelMtls:
            8080: {mode: PERMISSIVE}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: empty, namespace: shop}
        """)
        #expect(!validation.hasErrors, "\(validation)")
        #expect(!validation.warnings.contains { $0.message.contains("not applied") })
        let all = Self.policies(file)
        #expect(all.count == 3)
        #expect(all[0] == PeerAuthentication(name: "default", namespace: "istio-system", mode: .strict))
        #expect(all[1].selector == ["app": "reviews"] && all[1].mode == nil)
        #expect(all[1].portLevel[8080] == .some(.permissive))
        #expect(all[2].mode == nil && all[2].selector == nil)
    }

    @Test func refusesUnknownModesAndPorts() {
        let (_, badMode) = Self.documents("""
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: x}
        spec: {mtls: {mode: STRICTER}}
        """)
        #expect(badMode.errors.count == 1 && badMode.errors.first?.message.contains("STRICTER") == true)
        let (_, badPort) = Self.documents("""
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: x}
        spec:
          selector: {matchLabels: {app: a}}
          portLevelMtls: {"70000": {mode: STRICT}}
        """)
        #expect(badPort.hasErrors)
    }

    @Test func theBuiltConfigCarriesTheInboundMode() throws {
        let yaml = """
        apiVersion: meshscope/v1
        kind: ProxyConfig
        metadata: {name: reviews-v1, namespace: shop}
        spec:
          workload: {app: reviews, version: v1}
          listeners: {inbound: {port: 15006, app: "127.0.0.1:9080"}}
        ---
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: reviews, namespace: shop}
        spec:
          selector: {matchLabels: {app: reviews}}
          portLevelMtls: {9080: {mode: DISABLE}}
        """
        let (config, validation) = PolicyConfig.build(yaml: [(file: "all.yaml", text: yaml)])
        let built = try #require(config, "\(validation)")
        #expect(built.peerAuthentications.count == 2)
        #expect(built.inboundMTLSMode == .disable)
    }
}
