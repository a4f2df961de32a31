import AsyncHTTPClient
import Config
import Foundation
import Logging
import MeshMetrics
import Outbox
import ServiceLifecycle
import Storage

/// Wires `remote_write`, `span_forwarding` and `log_forwarding` into `serve`: one on-disk queue per
/// destination under `<data-dir>/outbox/`, fed by the stores' append observers (so every
/// ingest path forwards), drained by one `Forwarder` service each.
struct Forwarding {
    let channels: [ForwardChannel]
    let services: [Forwarder]
    /// The forwarders' own client (`HTTPClient.Configuration.forwarding`).
    let client: HTTPClient

    static func start(_ config: MeshScopeConfig, store: MetricsStore, traces: TraceStore, logs: LogStore? = nil,
                      logger: Logger) throws -> Forwarding {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .forwarding)
        let directory = (config.server.dataDir as NSString).appendingPathComponent("outbox")
        let full = config.storage.durability == .full
        var channels: [ForwardChannel] = []
        for entry in config.remoteWrite {
            let channel = try open(destination(entry.endpoint, format: .remoteWrite, queue: entry.queue),
                                   directory: directory, full: full)
            let payloads = RemoteWritePayloads(externalLabels: config.global.externalLabels,
                                               relabelRules: entry.writeRelabelConfigs, maxPerSend: entry.queue.maxPerSend)
            store.appended.add { entries in
                enqueue(channel, logger: logger) {
                    payloads.payloads(entries.lazy.map { (labels: $0.labels, sample: $0.sample, exemplar: $0.exemplar) })
                }
            }
            channels.append(channel)
        }
        for entry in config.spanForwarding {
            let format: ForwardDestination.Format = entry.encoding == .proto3 ? .zipkinProto3 : .zipkinJSON
            let channel = try open(destination(entry.endpoint, format: format, queue: entry.queue),
                                   directory: directory, full: full)
            let payloads = ZipkinPayloads(format: format, maxPerSend: entry.queue.maxPerSend)
            traces.appended.add { spans in
                enqueue(channel, logger: logger) { payloads.payloads(spans) }
            }
            channels.append(channel)
        }
        for entry in config.logForwarding {
            guard let logs else { break }
            let channel = try open(destination(entry.endpoint, format: .lokiJSON, queue: entry.queue),
                                   directory: directory, full: full)
            let payloads = LokiPayloads(externalLabels: config.global.externalLabels, maxPerSend: entry.queue.maxPerSend)
            logs.appended.add { records in
                enqueue(channel, logger: logger) { payloads.payloads(records) }
            }
            channels.append(channel)
        }
        let services = channels.map { channel in
            Forwarder(channel: channel, client: client, userAgent: "MeshScope/\(MeshScope.version)",
                      logger: logger)
        }
        return Forwarding(channels: channels, services: services, client: client)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// The store has committed; a queue failure is logged and counted, never undoes it.
    private static func enqueue(_ channel: ForwardChannel, logger: Logger,
                                _ payloads: () -> [(payload: [UInt8], count: Int)]) {
        do {
            let drop = try channel.enqueue(payloads())
            if drop.count > 0 {
                logger.warning("forward queue full; oldest data dropped", metadata: [
                    "destination": "\(channel.destination.name)", "dropped": "\(drop.count)",
                    "max_queue_bytes": "\(channel.queue.maxBytes)",
                ])
            }
        } catch {
            logger.error("queueing data for forwarding failed", metadata: [
                "destination": "\(channel.destination.name)", "error": "\(error)",
            ])
        }
    }

    private static func open(_ destination: ForwardDestination, directory: String, full: Bool) throws -> ForwardChannel {
        let path = (directory as NSString).appendingPathComponent("\(destination.signal)-\(destination.name).db")
        return ForwardChannel(destination: destination,
                              queue: try OutboxQueue(path: path, maxBytes: destination.maxQueueBytes, synchronousFull: full))
    }

    private static func destination(_ endpoint: ForwardEndpoint, format: ForwardDestination.Format,
                                    queue: ForwardQueueConfig) throws -> ForwardDestination {
        var headers = endpoint.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        if let authorization = try endpoint.authorizationHeader() {
            headers.append((name: "Authorization", value: authorization))
        }
        return ForwardDestination(
            name: endpoint.name, url: endpoint.url, format: format, headers: headers,
            timeout: endpoint.remoteTimeout.duration, maxPerSend: queue.maxPerSend,
            batchSendDeadline: queue.batchSendDeadline.duration, minBackoff: queue.minBackoff.duration,
            maxBackoff: queue.maxBackoff.duration, retryOn429: queue.retryOnHTTP429, maxQueueBytes: queue.maxQueueBytes)
    }
}
