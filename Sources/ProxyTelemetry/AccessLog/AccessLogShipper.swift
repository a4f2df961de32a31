import AsyncHTTPClient
import Logging

/// Posts access-log records to the collector as NDJSON batches (`POST /api/v1/logs`,
/// gzip), with a bounded buffer and retry; the collector refuses a batch with any bad
/// line as a whole (400), which is not retried.
public final class AccessLogShipper: Sendable {
    private let shipper: BatchShipper<String>

    public init(settings: ShipperSettings, httpClient: HTTPClient = .shared,
                logger: Logger = Logger(label: "meshscope.proxy.accesslog")) {
        shipper = BatchShipper(settings: settings, contentType: "application/x-ndjson", client: httpClient,
                               logger: logger) { lines in
            var body: [UInt8] = []
            body.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
            for line in lines {
                body.append(contentsOf: line.utf8)
                body.append(0x0a)
            }
            return body
        }
    }

    /// `http://host:port/api/v1/logs[?service=NAME]`: the service names the sender for
    /// records that name no destination.
    public static func logsURL(collector: String, service: String? = nil) -> String {
        var url = (collector.hasSuffix("/") ? String(collector.dropLast()) : collector) + "/api/v1/logs"
        if let service, !service.isEmpty {
            let allowed = service.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)) }
            if allowed { url += "?service=\(service)" }
        }
        return url
    }

    public var settings: ShipperSettings { shipper.settings }

    /// One JSON record, without its newline.
    public func ship(_ line: String) { shipper.enqueue(line) }

    public func run() async { await shipper.run() }
    public func flush() async { await shipper.flush() }
    public func shutdown() async { await shipper.shutdown() }
    public var counters: ShipperCounters { shipper.counters }
}
