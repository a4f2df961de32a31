import MeshMetrics

/// Writes families with labels in a fixed order (Istio's, not sorted), in either the
/// Prometheus text format 0.0.4 or OpenMetrics 1.0. MeshMetrics' `ExpositionWriter`
/// sorts labels, drops empty values and has no exemplars; Istio prints
/// `grpc_response_status=""` and the duration buckets carry exemplars, hence this one.
struct MetricsTextWriter {
    let openMetrics: Bool
    private(set) var bytes: [UInt8] = []

    init(openMetrics: Bool, reservingCapacity capacity: Int = 4096) {
        self.openMetrics = openMetrics
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// `# HELP`, `# TYPE` (and `# UNIT` in OpenMetrics). `name` is the sample name of a
    /// counter (`..._total`) or the base name otherwise; OpenMetrics names a counter
    /// family without its `_total`.
    mutating func family(_ name: String, type: MetricType, help: String, unit: String = "") {
        var familyName = name
        var type = type
        if openMetrics && type == .counter {
            // OpenMetrics counter samples must end in `_total`; Envoy's counter names
            // (`upstream_rq_retry`) do not, so those are declared `unknown` there.
            if name.hasSuffix("_total") { familyName = String(name.dropLast(6)) } else { type = .unknown }
        }
        append("# HELP \(familyName) ")
        for c in help.utf8 {
            switch c {
            case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
            default: bytes.append(c)
            }
        }
        bytes.append(0x0a)
        append("# TYPE \(familyName) \(openMetrics ? type.rawValue : type.textFormatName)\n")
        if openMetrics && !unit.isEmpty { append("# UNIT \(familyName) \(unit)\n") }
    }

    /// `name{names[i]="values[i]",...,extra} value [# {exemplar} value timestamp]`.
    /// The exemplar is written only in OpenMetrics, which is the only format that has them.
    mutating func sample(_ name: String, names: [String], values: [String], extra: (String, String)? = nil,
                         value: Double, exemplar: MetricExemplar? = nil) {
        append(name)
        if !names.isEmpty || extra != nil {
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (n, v) in zip(names, values) {
                label(n, v, first: first)
                first = false
            }
            if let extra { label(extra.0, extra.1, first: first) }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(0x20)
        number(value)
        if openMetrics, let exemplar {
            append(" # {trace_id=\"\(exemplar.traceId)\",span_id=\"\(exemplar.spanId)\"} ")
            number(exemplar.value)
            bytes.append(0x20)
            seconds(micros: exemplar.timestampMicros)
        }
        bytes.append(0x0a)
    }

    /// The `le` value of a bucket bound, in the number form of the dialect.
    func bound(_ value: Double) -> String {
        var out: [UInt8] = []
        Self.appendNumber(value, openMetrics: openMetrics, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// OpenMetrics' terminator.
    mutating func finish() {
        if openMetrics { append("# EOF\n") }
    }

    private mutating func label(_ name: String, _ value: String, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        append(name)
        bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        for c in value.utf8 {
            switch c {
            case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
            case 0x22: bytes.append(contentsOf: [0x5c, 0x22])
            case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func number(_ value: Double) {
        Self.appendNumber(value, openMetrics: openMetrics, to: &bytes)
    }

    /// Go's shortest form (what Prometheus writes); OpenMetrics writers (client_golang,
    /// client_python) add `.0` to integral values, so `le="1.0"` matches theirs.
    static func appendNumber(_ value: Double, openMetrics: Bool, to out: inout [UInt8]) {
        let start = out.count
        GoFloatFormat.append(value, to: &out)
        guard openMetrics, value.isFinite else { return }
        if !out[start...].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
            out.append(contentsOf: ".0".utf8)
        }
    }

    /// Epoch seconds with milliseconds, OpenMetrics' timestamp form.
    private mutating func seconds(micros: Int64) {
        let millis = micros / 1000
        append(String(millis / 1000))
        let fraction = Int(millis % 1000)
        append(fraction < 10 ? ".00\(fraction)" : fraction < 100 ? ".0\(fraction)" : ".\(fraction)")
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }
}
