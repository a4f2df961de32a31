import Foundation

/// One service of the fake ServiceList, in the Kubernetes JSON shape.
struct FakeService: Sendable {
    var name: String
    var namespace = "shop"
    var labels: [String: String] = [:]
    var annotations: [String: String] = [:]

    var json: [String: Any] {
        ["metadata": ["name": name, "namespace": namespace, "labels": labels, "annotations": annotations],
         "spec": ["type": "ClusterIP", "clusterIP": "10.96.0.10", "ports": [["name": "http", "port": 80, "protocol": "TCP"]]]]
    }

    static func list(_ services: [FakeService]) -> String {
        FakeKubernetesJSON.list(kind: "ServiceList", services.map(\.json))
    }
}

/// One Endpoints object of the fake EndpointsList: ready and not-ready addresses, each
/// naming its pod (or nothing), on the given ports.
struct FakeEndpoints: Sendable {
    var name: String
    var namespace = "shop"
    var labels: [String: String] = [:]
    /// (ip, pod name or nil).
    var ready: [(ip: String, pod: String?)] = []
    var notReady: [(ip: String, pod: String?)] = []
    /// (port name, port).
    var ports: [(name: String, port: Int)] = []

    var json: [String: Any] {
        func address(_ entry: (ip: String, pod: String?)) -> [String: Any] {
            var address: [String: Any] = ["ip": entry.ip, "nodeName": "node-1"]
            if let pod = entry.pod { address["targetRef"] = ["kind": "Pod", "name": pod, "namespace": namespace] }
            return address
        }
        return [
            "metadata": ["name": name, "namespace": namespace, "labels": labels],
            "subsets": [[
                "addresses": ready.map(address), "notReadyAddresses": notReady.map(address),
                "ports": ports.map { ["name": $0.name, "port": $0.port, "protocol": "TCP"] },
            ]],
        ]
    }

    static func list(_ endpoints: [FakeEndpoints]) -> String {
        FakeKubernetesJSON.list(kind: "EndpointsList", endpoints.map(\.json))
    }
}

enum FakeKubernetesJSON {
    static func list(kind: String, _ items: [[String: Any]]) -> String {
        let list: [String: Any] = ["kind": kind, "apiVersion": "v1", "metadata": ["resourceVersion": "1"], "items": items]
        let data = (try? JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
