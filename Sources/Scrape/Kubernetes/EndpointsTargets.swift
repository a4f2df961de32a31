import MeshMetrics

/// Prometheus' `kubernetes_sd_configs` role `endpoints`: one target per address and port
/// of every Endpoints object (not-ready addresses too, `endpoint_ready="false"`), carrying
/// the labels of the service of the same name and, when the address is a pod, the pod's
/// labels and those of its container port; then one target per container port of those
/// pods that no endpoint port covers. Pure, so it is tested without sockets.
public enum EndpointsTargets {
    static let prefix = PodTargets.prefix

    public static func targets(endpoints: [EndpointsList], services: [ServiceList], pods: [PodList]) -> [Labels] {
        var servicesByKey: [String: ServiceList.Service] = [:]
        for service in services.flatMap(\.items) { servicesByKey[key(service.metadata)] = service }
        var podsByKey: [String: PodList.Pod] = [:]
        for pod in pods.flatMap(\.items) { podsByKey[key(pod.metadata)] = pod }
        return endpoints.flatMap(\.items).flatMap { targets(for: $0, services: servicesByKey, pods: podsByKey) }
    }

    static func targets(for endpoints: EndpointsList.Endpoints, services: [String: ServiceList.Service],
                        pods: [String: PodList.Pod]) -> [Labels] {
        var group = [Label(prefix + "namespace", endpoints.metadata.namespace ?? "")]
        group += PodTargets.objectLabels(endpoints.metadata, role: "endpoints")
        if let service = services[key(endpoints.metadata)] { group += PodTargets.objectLabels(service.metadata, role: "service") }

        var out: [[Label]] = []
        // Pods seen behind an address, with the ports their endpoints already cover.
        var seenPods: [(pod: PodList.Pod, ports: Set<Int>)] = []
        for subset in endpoints.subsets ?? [] {
            for port in subset.ports ?? [] {
                let addresses = (subset.addresses ?? []).map { ($0, "true") } + (subset.notReadyAddresses ?? []).map { ($0, "false") }
                for (address, ready) in addresses {
                    var target = [
                        Label("__address__", PodTargets.joinHostPort(address.ip, port.port)),
                        Label(prefix + "endpoint_port_name", port.name ?? ""),
                        Label(prefix + "endpoint_port_protocol", port.protocol ?? "TCP"),
                        Label(prefix + "endpoint_ready", ready),
                    ]
                    if let appProtocol = port.appProtocol { target.append(Label(prefix + "endpoint_port_app_protocol", appProtocol)) }
                    if let ref = address.targetRef {
                        target.append(Label(prefix + "endpoint_address_target_kind", ref.kind ?? ""))
                        target.append(Label(prefix + "endpoint_address_target_name", ref.name ?? ""))
                    }
                    if let node = address.nodeName { target.append(Label(prefix + "endpoint_node_name", node)) }
                    if let hostname = address.hostname, !hostname.isEmpty {
                        target.append(Label(prefix + "endpoint_hostname", hostname))
                    }
                    guard let ref = address.targetRef, ref.kind == "Pod", let name = ref.name,
                          let pod = pods[(ref.namespace ?? endpoints.metadata.namespace ?? "") + "/" + name] else {
                        out.append(target)
                        continue
                    }
                    target += PodTargets.podLabels(pod, ip: pod.status?.podIP ?? "")
                    if let (container, containerPort) = containerPort(of: pod, number: port.port) {
                        target += PodTargets.containerLabels(container, portName: containerPort.name, number: port.port,
                                                             protocol: port.protocol)
                    }
                    if let index = seenPods.firstIndex(where: { $0.pod.metadata == pod.metadata }) {
                        seenPods[index].ports.insert(port.port)
                    } else {
                        seenPods.append((pod, [port.port]))
                    }
                    out.append(target)
                }
            }
        }
        // The pods' other container ports, not behind this service: targets too.
        for (pod, covered) in seenPods {
            guard let ip = pod.status?.podIP, !ip.isEmpty else { continue }
            for container in pod.spec?.containers ?? [] {
                for port in container.ports ?? [] where !covered.contains(port.containerPort) {
                    out.append([Label("__address__", PodTargets.joinHostPort(ip, port.containerPort))]
                        + PodTargets.containerLabels(container, portName: port.name, number: port.containerPort,
                                                     protocol: port.protocol)
                        + PodTargets.podLabels(pod, ip: ip))
                }
            }
        }
        // Group labels under the target's own, as Prometheus merges a target group.
        return out.map { target in
            let names = Set(target.map(\.name))
            return Labels(target + group.filter { !names.contains($0.name) })
        }
    }

    /// The first container port with this number, as Prometheus matches them.
    static func containerPort(of pod: PodList.Pod, number: Int) -> (PodList.Container, PodList.Port)? {
        for container in pod.spec?.containers ?? [] {
            if let port = container.ports?.first(where: { $0.containerPort == number }) { return (container, port) }
        }
        return nil
    }

    static func key(_ metadata: PodList.Metadata) -> String {
        (metadata.namespace ?? "") + "/" + metadata.name
    }
}
