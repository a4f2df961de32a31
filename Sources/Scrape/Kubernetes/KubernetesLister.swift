import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// `GET /api/v1/pods` (or services, endpoints; one per namespace when namespaces are set)
/// against the Kubernetes API with the service account's bearer token. Owns its HTTP
/// client, since the TLS settings (cluster CA, insecure_skip_verify) are per discovery config.
struct KubernetesLister: Sendable {
    /// A list larger than this is rejected rather than buffered.
    static let maxBodyBytes = 64 << 20
    static let requestTimeout: TimeAmount = .seconds(30)

    let settings: KubernetesDiscoverySettings
    let client: HTTPClient

    init(settings: KubernetesDiscoverySettings) {
        self.settings = settings
        var configuration = HTTPClient.Configuration()
        var tls = TLSConfiguration.makeClientConfiguration()
        if settings.insecureSkipVerify {
            tls.certificateVerification = .none
        } else if let caFile = settings.caFile {
            tls.trustRoots = .file(caFile)
        }
        configuration.tlsConfiguration = tls
        configuration.timeout = .init(connect: .seconds(10), read: Self.requestTimeout)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// Every object of `resource` in the configured namespaces, decoded as `List` once per
    /// namespace (or once for all namespaces).
    func list<List: Decodable>(_ resource: KubernetesResource, as _: List.Type) async throws(KubernetesDiscoveryError) -> [List] {
        let base = try apiServer()
        let token = try bearerToken()
        var lists: [List] = []
        for path in try paths(resource) {
            lists.append(try await get(base + path + query(resource), token: token))
        }
        return lists
    }

    private func get<List: Decodable>(_ url: String, token: String?) async throws(KubernetesDiscoveryError) -> List {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let body: ByteBuffer
        let status: HTTPResponseStatus
        do {
            let response = try await client.execute(request, timeout: Self.requestTimeout)
            status = response.status
            body = try await response.body.collect(upTo: Self.maxBodyBytes)
        } catch {
            throw KubernetesDiscoveryError("GET \(url): \(error)")
        }
        guard status == .ok else {
            let text = String(buffer: body).prefix(300)
            throw KubernetesDiscoveryError("GET \(url): HTTP \(status.code) \(text)")
        }
        do {
            return try JSONDecoder().decode(List.self, from: Data(body.readableBytesView))
        } catch {
            throw KubernetesDiscoveryError("GET \(url): not a \(List.self): \(error)")
        }
    }

    /// The configured URL, else in-cluster from the service environment (as client-go).
    private func apiServer() throws(KubernetesDiscoveryError) -> String {
        if let apiServer = settings.apiServer { return apiServer }
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw KubernetesDiscoveryError("no api_server configured and not running in a cluster "
                + "(KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)")
        }
        return "https://" + (host.contains(":") ? "[\(host)]" : host) + ":" + port
    }

    private func bearerToken() throws(KubernetesDiscoveryError) -> String? {
        do {
            let text = try String(contentsOfFile: settings.bearerTokenFile, encoding: .utf8)
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            guard settings.bearerTokenRequired else { return nil }
            throw KubernetesDiscoveryError("cannot read bearer_token_file \(settings.bearerTokenFile): \(error)")
        }
    }

    /// `/api/v1/<resource>` for all namespaces, else one path per namespace.
    private func paths(_ resource: KubernetesResource) throws(KubernetesDiscoveryError) -> [String] {
        var namespaces = settings.namespaces
        if settings.ownNamespace {
            guard let own = try? String(contentsOfFile: settings.namespaceFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines), !own.isEmpty else {
                throw KubernetesDiscoveryError("own_namespace: cannot read \(settings.namespaceFile)")
            }
            if !namespaces.contains(own) { namespaces.append(own) }
        }
        if namespaces.isEmpty { return ["/api/v1/\(resource.rawValue)"] }
        return namespaces.map { "/api/v1/namespaces/\(Self.escape($0))/\(resource.rawValue)" }
    }

    private func query(_ resource: KubernetesResource) -> String {
        var items: [String] = []
        let selector = settings.selectors[resource] ?? .init()
        if !selector.label.isEmpty { items.append("labelSelector=" + Self.escape(selector.label)) }
        if !selector.field.isEmpty { items.append("fieldSelector=" + Self.escape(selector.field)) }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    private static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
