import AccessLogs
import Foundation

/// A stored access-log record as `GET /api/v1/logs` answers it: MeshScope's reading of the
/// record in snake_case fields (absent values left out), and the original line. `raw` is
/// the line as a JSON string when it is valid UTF-8; a line that is not keeps its exact
/// bytes in `raw_base64` instead. With `Accept: application/x-ndjson` the answer is the
/// raw lines themselves, byte for byte.
enum LogRecordJSON {
    static func write(_ record: AccessLogRecord, to writer: inout JSONWriter) {
        var fields = Fields(writer: writer)
        fields.text("time", RFC3339.format(record.timestampMicros.floorDivided(by: 1000)))
        fields.integer("timestamp_us", record.timestampMicros)
        fields.text("shape", "\(record.shape)")
        fields.text("method", record.method)
        fields.text("path", record.path)
        fields.text("authority", record.authority)
        fields.text("protocol", record.httpProtocol)
        fields.integer("response_code", record.responseCode.map(Int64.init))
        fields.text("response_flags", record.responseFlags)
        fields.text("response_code_details", record.responseCodeDetails)
        if let duration = record.durationMicros { fields.number("duration_ms", Double(duration) / 1000) }
        fields.integer("bytes_received", record.bytesReceived)
        fields.integer("bytes_sent", record.bytesSent)
        fields.text("upstream_host", record.upstreamHost)
        fields.text("upstream_cluster", record.upstreamCluster)
        fields.text("downstream_remote_address", record.downstreamRemoteAddress)
        fields.text("user_agent", record.userAgent)
        fields.text("request_id", record.requestId)
        fields.text("trace_id", record.traceId)
        fields.text("route_name", record.routeName)
        fields.text("connection_security_policy", record.connectionSecurityPolicy)
        fields.text("tls_version", record.tlsVersion)
        fields.peer("source", record.source)
        fields.peer("destination", record.destination)
        if let line = String(validating: record.raw, as: UTF8.self) {
            fields.text("raw", line)
        } else {
            fields.text("raw_base64", Data(record.raw).base64EncodedString())
        }
        writer = fields.finish()
    }

    /// Writes `"key":value` pairs of one object, commas between.
    private struct Fields {
        var writer: JSONWriter
        var first = true

        init(writer: JSONWriter) {
            self.writer = writer
            self.writer.byte(0x7b)
        }

        mutating func key(_ name: String) {
            if !first { writer.byte(0x2c) }
            first = false
            writer.string(name)
            writer.byte(0x3a)
        }

        mutating func text(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            writer.string(value)
        }

        mutating func integer(_ name: String, _ value: Int64?) {
            guard let value else { return }
            key(name)
            writer.raw(String(value))
        }

        mutating func number(_ name: String, _ value: Double) {
            key(name)
            writer.number(value)
        }

        mutating func peer(_ name: String, _ peer: AccessLogPeer) {
            key(name)
            var inner = Fields(writer: writer)
            inner.text("workload", peer.workload)
            inner.text("app", peer.app)
            inner.text("service", peer.service)
            inner.text("namespace", peer.namespace)
            inner.text("version", peer.version)
            inner.text("address", peer.address)
            writer = inner.finish()
        }

        mutating func finish() -> JSONWriter {
            writer.byte(0x7d)
            return writer
        }
    }
}
