import MeshMetrics

/// Prometheus' `kubernetes_sd_configs` role `pod`: one target per declared container
/// port (`__address__` = podIP:port), or one per container without ports (`__address__`
/// = podIP, so relabelling can add the port from an annotation). Pods without an IP yet
/// are skipped. Pure, so it is tested without sockets.
public enum PodTargets {
    static let prefix = "__meta_kubernetes_"

    public static func targets(from list: PodList) -> [Labels] {
        list.items.flatMap(targets(for:))
    }

    static func targets(for pod: PodList.Pod) -> [Labels] {
        guard let ip = pod.status?.podIP, !ip.isEmpty else { return [] }
        let common = podLabels(pod, ip: ip)
        var out: [Labels] = []
        for container in pod.spec?.containers ?? [] {
            var base = common
            base.append(Label(prefix + "pod_container_name", container.name))
            base.append(Label(prefix + "pod_container_image", container.image ?? ""))
            base.append(Label(prefix + "pod_container_init", "false"))
            let ports = container.ports ?? []
            if ports.isEmpty {
                out.append(Labels(base + [Label("__address__", ip)]))
                continue
            }
            for port in ports {
                out.append(Labels(common + [Label("__address__", joinHostPort(ip, port.containerPort))]
                    + containerLabels(container, portName: port.name, number: port.containerPort, protocol: port.protocol)))
            }
        }
        return out
    }

    /// A container's labels on a target for one of its ports.
    static func containerLabels(_ container: PodList.Container, portName: String?, number: Int,
                                protocol: String?) -> [Label] {
        [
            Label(prefix + "pod_container_name", container.name),
            Label(prefix + "pod_container_image", container.image ?? ""),
            Label(prefix + "pod_container_init", "false"),
            Label(prefix + "pod_container_port_name", portName ?? ""),
            Label(prefix + "pod_container_port_number", String(number)),
            Label(prefix + "pod_container_port_protocol", `protocol` ?? "TCP"),
        ]
    }

    /// The labels every target of the pod carries.
    static func podLabels(_ pod: PodList.Pod, ip: String) -> [Label] {
        let metadata = pod.metadata
        var labels = [
            Label(prefix + "namespace", metadata.namespace ?? ""),
            Label(prefix + "pod_ip", ip),
            Label(prefix + "pod_ready", readiness(pod)),
            Label(prefix + "pod_phase", pod.status?.phase ?? ""),
            Label(prefix + "pod_node_name", pod.spec?.nodeName ?? ""),
            Label(prefix + "pod_host_ip", pod.status?.hostIP ?? ""),
            Label(prefix + "pod_uid", metadata.uid ?? ""),
        ]
        labels += objectLabels(metadata, role: "pod")
        if let owner = metadata.ownerReferences?.first(where: { $0.controller == true }) {
            labels.append(Label(prefix + "pod_controller_kind", owner.kind))
            labels.append(Label(prefix + "pod_controller_name", owner.name))
        }
        return labels
    }

    /// `__meta_kubernetes_<role>_name`, then each label and annotation with its `present` twin.
    static func objectLabels(_ metadata: PodList.Metadata, role: String) -> [Label] {
        var labels = [Label(prefix + role + "_name", metadata.name)]
        for (name, value) in metadata.labels ?? [:] {
            labels.append(Label(prefix + role + "_label_" + sanitize(name), value))
            labels.append(Label(prefix + role + "_labelpresent_" + sanitize(name), "true"))
        }
        for (name, value) in metadata.annotations ?? [:] {
            labels.append(Label(prefix + role + "_annotation_" + sanitize(name), value))
            labels.append(Label(prefix + role + "_annotationpresent_" + sanitize(name), "true"))
        }
        return labels
    }

    /// The Ready condition's status lowercased, `unknown` without one (as Prometheus).
    static func readiness(_ pod: PodList.Pod) -> String {
        pod.status?.conditions?.first { $0.type == "Ready" }?.status.lowercased() ?? "unknown"
    }

    /// Prometheus' `strutil.SanitizeLabelName`: every character outside [a-zA-Z0-9_] becomes `_`.
    public static func sanitize(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                ? scalar : "_"
        }))
    }

    /// Go's `net.JoinHostPort`: IPv6 addresses in brackets.
    static func joinHostPort(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
