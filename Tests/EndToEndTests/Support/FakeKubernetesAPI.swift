import Foundation
import Hummingbird
import Synchronization

/// A tiny stand-in for the Kubernetes API server on 127.0.0.1 (plain http): serves
/// `GET /api/v1/pods` with the PodList the test sets, records the Authorization header
/// of each request, and answers 500 while `failing` is set.
final class FakeKubernetesAPI: Sendable {
    struct State {
        var pods: [FakePod] = []
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
        router.get("/api/v1/pods") { request, _ -> Response in
            let (failing, pods) = box.state.withLock { state in
                state.requests += 1
                state.authorizations.append(request.headers[values: .authorization].joined(separator: ", "))
                state.paths.append(request.uri.description)
                if state.failing { state.failedRequests += 1 }
                return (state.failing, state.pods)
            }
            if failing {
                return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "etcd is down")))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: FakePod.podList(pods))))
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake-kube-apiserver"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        app.logger.logLevel = .critical
        let server = Task {
            try? await app.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            server.cancel()
            throw E2EFailure("the fake Kubernetes API could not listen on 127.0.0.1")
        }
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
        let list: [String: Any] = ["kind": "PodList", "apiVersion": "v1", "metadata": ["resourceVersion": "1"],
                                   "items": pods.map(\.json)]
        let data = (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
