import Foundation
import MeshPolicy

/// `/config_dump`: the configuration in force as JSON, for the collector's badges and
/// for people. Shapes follow the Istio documents, durations in Istio's syntax.
enum ConfigDump {
    static func json(_ config: PolicyConfig, generation: Int, boundPorts: BoundPorts?) -> String {
        let proxy = config.proxy
        var listeners: [String: Any] = [:]
        if let inbound = proxy.listeners.inbound {
            listeners["inbound"] = ["port": boundPorts?.inbound ?? inbound.port, "app": inbound.app.description]
        }
        if let port = proxy.listeners.outboundPort { listeners["outbound"] = ["port": boundPorts?.outbound ?? port] }
        if let port = proxy.listeners.adminPort { listeners["admin"] = ["port": boundPorts?.admin ?? port] }
        listeners["tcp"] = proxy.listeners.tcp.map { tcp in
            ["name": tcp.name, "port": boundPorts?.tcp[tcp.name] ?? tcp.port, "upstream": tcp.upstream.description] as [String: Any]
        }
        let workload = proxy.workload
        let document: [String: Any] = [
            "generation": generation,
            "workload": [
                "name": workload.name, "app": workload.app, "version": workload.version,
                "namespace": workload.namespace, "serviceAccount": workload.serviceAccount,
                "cluster": workload.cluster, "principal": workload.principal, "labels": workload.labels,
            ] as [String: Any],
            "listeners": listeners,
            "collector": orNull(proxy.collectorAddress?.description),
            "tracing": ["samplingPercentage": proxy.tracingSamplingPercentage],
            "accessLog": ["path": orNull(proxy.accessLogPath)],
            "services": proxy.services.map(service),
            "virtualServices": config.virtualServices.map(virtualService),
            "destinationRules": config.destinationRules.map(destinationRule),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON null for a missing value.
    private static func orNull(_ value: Any?) -> Any {
        value ?? NSNull()
    }

    private static func service(_ service: MeshService) -> [String: Any] {
        ["name": service.name, "namespace": orNull(service.namespace), "port": service.port, "hosts": service.aliases,
         "endpoints": service.endpoints.map { ["address": $0.address.description, "labels": $0.labels] as [String: Any] }]
    }

    private static func virtualService(_ service: VirtualService) -> [String: Any] {
        ["name": service.name, "namespace": orNull(service.namespace), "hosts": service.hosts,
         "gateways": service.gateways, "http": service.http.map(route),
         "tcp": service.tcp.map { ["matchPorts": $0.matchPorts, "route": $0.route.map(weighted)] as [String: Any] }]
    }

    private static func route(_ route: HTTPRoute) -> [String: Any] {
        var out: [String: Any] = ["route": route.route.map(weighted), "matchCount": route.match.count]
        if let name = route.name { out["name"] = name }
        if let timeout = route.timeout { out["timeout"] = IstioDuration.format(timeout) }
        if let retries = route.retries {
            var retry: [String: Any] = ["attempts": retries.attempts]
            if let perTry = retries.perTryTimeout { retry["perTryTimeout"] = IstioDuration.format(perTry) }
            out["retries"] = retry
        }
        if let fault = route.fault {
            var faults: [String: Any] = [:]
            if let delay = fault.delay {
                faults["delay"] = ["fixedDelay": IstioDuration.format(delay.fixedDelay), "percentage": delay.percentage]
            }
            if let abort = fault.abort {
                faults["abort"] = ["httpStatus": abort.httpStatus, "percentage": abort.percentage]
            }
            out["fault"] = faults
        }
        if !route.mirrors.isEmpty {
            out["mirrors"] = route.mirrors.map { ["destination": destination($0.destination), "percentage": $0.percentage] }
        }
        if let rewrite = route.rewrite {
            out["rewrite"] = ["uri": orNull(rewrite.uri), "authority": orNull(rewrite.authority)]
        }
        if let redirect = route.redirect {
            out["redirect"] = ["uri": orNull(redirect.uri), "authority": orNull(redirect.authority),
                               "redirectCode": redirect.redirectCode]
        }
        return out
    }

    private static func weighted(_ weighted: WeightedDestination) -> [String: Any] {
        ["destination": destination(weighted.destination), "weight": orNull(weighted.weight)]
    }

    private static func destination(_ destination: Destination) -> [String: Any] {
        ["host": destination.host, "subset": orNull(destination.subset), "port": orNull(destination.port)]
    }

    private static func destinationRule(_ rule: DestinationRule) -> [String: Any] {
        ["name": rule.name, "namespace": orNull(rule.namespace), "host": rule.host,
         "trafficPolicy": orNull(rule.trafficPolicy.map(policy)),
         "subsets": rule.subsets.map { subset in
             ["name": subset.name, "labels": subset.labels,
              "trafficPolicy": orNull(subset.trafficPolicy.map(policy))] as [String: Any]
         }]
    }

    private static func policy(_ policy: TrafficPolicy) -> [String: Any] {
        var out: [String: Any] = [:]
        if let balancer = policy.loadBalancer { out["loadBalancer"] = String(describing: balancer) }
        if let pool = policy.connectionPool {
            out["connectionPool"] = [
                "maxConnections": orNull(pool.maxConnections), "http1MaxPendingRequests": orNull(pool.maxPendingRequests),
                "http2MaxRequests": orNull(pool.maxRequests),
                "maxRequestsPerConnection": orNull(pool.maxRequestsPerConnection), "maxRetries": orNull(pool.maxRetries),
            ] as [String: Any]
        }
        if let outlier = policy.outlierDetection {
            out["outlierDetection"] = [
                "consecutive5xxErrors": outlier.consecutive5xxErrors, "consecutiveGatewayErrors": outlier.consecutiveGatewayErrors,
                "interval": IstioDuration.format(outlier.interval), "baseEjectionTime": IstioDuration.format(outlier.baseEjectionTime),
                "maxEjectionPercent": outlier.maxEjectionPercent,
            ] as [String: Any]
        }
        return out
    }
}
