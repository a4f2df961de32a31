import Foundation
import Hummingbird
import Synchronization

/// A tiny stand-in for the Kubernetes API server on 127.0.0.1 (plain http): serves
/// `GET /api/v1/pods`, `/api/v1/services` and `/api/v1/endpoints` with the objects the
/// test sets, records the Authorization header of each request, and answers 500 while
/// `failing` is set.
final class FakeKubernetesAPI: Sendable {
    struct State {
        var pods: [FakePod] = []
        var services: [FakeService] = []
        var endpoints: [FakeEndpoints] = []
        var failing = false
        var authorizations: [String] = []
        var requests = 0
        var failedRequests = 0
        var paths: [String] = []
    }

    let port: Int
    private let box: StateBox
    private let server: Task<Void, Never>

    var url: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, box: StateBox, server: Task<Void, Never>) {
        self.port = port
        self.box = box
        self.server = server
    }

    static func start() async throws -> FakeKubernetesAPI {
        let box = StateBox()
        let router = Router()
        let lists: [(path: RouterPath, body: @Sendable (State) -> String)] = [
            ("/api/v1/pods", { FakePod.podList($0.pods) }),
            ("/api/v1/services", { FakeService.list($0.services) }),
            ("/api/v1/endpoints", { FakeEndpoints.list($0.endpoints) }),
        ]
        for (path, body) in lists {
            router.get(path) { request, _ -> Response in
                let (failing, text) = box.state.withLock { state in
                    state.requests += 1
                    state.authorizations.append(request.headers[values: .authorization].joined(separator: ", "))
                    state.paths.append(request.uri.description)
                    if state.failing { state.failedRequests += 1 }
                    return (state.failing, body(state))
                }
                if failing {
                    return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "etcd is down")))
                }
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
        let (port, server) = try await LoopbackServer.start(router, name: "the fake Kubernetes API")
        return FakeKubernetesAPI(port: port, box: box, server: server)
    }

    func update(_ body: (inout State) -> Void) {
        box.state.withLock { body(&$0) }
    }

    var snapshot: State { box.state.withLock { $0 } }

    func cancel() {
        server.cancel()
    }

    private final class StateBox: Sendable {
        let state = Mutex(State())
    }
}

/// One pod of the fake PodList, rendered in the Kubernetes JSON shape.
struct FakePod: Sendable {
    var name: String
    var namespace = "shop"
    var podIP: String? = "127.0.0.1"
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]
    /// (container name, declared ports).
    var containers: [(name: String, ports: [Int])] = [("app", [8080])]
    var ready = true

    var json: [String: Any] {
        var status: [String: Any] = [
            "phase": "Running", "hostIP": "192.168.0.10",
            "conditions": [["type": "Ready", "status": ready ? "True" : "False"]],
        ]
        if let podIP { status["podIP"] = podIP }
        return [
            "metadata": [
                "name": name, "namespace": namespace, "uid": "uid-\(name)", "labels": labels, "annotations": annotations,
                "ownerReferences": [["kind": "ReplicaSet", "name": "\(name)-rs", "controller": true, "apiVersion": "apps/v1",
                                     "uid": "rs"]],
            ],
            "spec": [
                "nodeName": "node-1",
                "containers": containers.map { container in
                    ["name": container.name, "image": "example/\(container.name):1",
                     "ports": container.ports.map { ["name": "http", "containerPort": $0, "protocol": "TCP"] }]
                },
            ],
            "status": status,
        ]
    }

    static func podList(_ pods: [FakePod]) -> String {
        FakeKubernetesJSON.list(kind: "PodList", pods.map(\.json))
    }
}
