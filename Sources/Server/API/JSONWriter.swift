import MeshMetrics

/// Builds JSON bytes directly, with Prometheus' formats for what its API writes by
/// hand (`util/jsonutil`): timestamps as seconds with millisecond digits, and sample
/// values as strings. Query results can hold millions of points; a byte buffer keeps
/// encoding them cheap.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A quoted string escaped as Go's encoding/json does: quotes, backslashes and
    /// control characters, plus `<`, `>`, `&`, U+2028 and U+2029 (HTML-safe).
    mutating func string(_ text: String) {
        bytes.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: [0x5c, 0x22])
            case 0x5c: bytes.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: bytes.append(contentsOf: [0x5c, 0x6e])
            case 0x0d: bytes.append(contentsOf: [0x5c, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5c, 0x74])
            case 0..<0x20, 0x3c, 0x3e, 0x26, 0x2028, 0x2029:
                bytes.append(contentsOf: [0x5c, 0x75])
                for shift in stride(from: 12, through: 0, by: -4) {
                    bytes.append(Self.hexDigits[Int((scalar.value >> UInt32(shift)) & 0xf)])
                }
            default:
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `jsonutil.MarshalTimestamp`: seconds, then `.` and three digits when the
    /// milliseconds are not zero (`1.5` s is `1.500`).
    mutating func timestamp(_ milliseconds: Int64) {
        var magnitude = milliseconds.magnitude
        if milliseconds < 0 { bytes.append(0x2d) }
        let fraction = magnitude % 1000
        magnitude /= 1000
        bytes.append(contentsOf: String(magnitude).utf8)
        if fraction != 0 {
            bytes.append(0x2e)
            if fraction < 100 { bytes.append(0x30) }
            if fraction < 10 { bytes.append(0x30) }
            bytes.append(contentsOf: String(fraction).utf8)
        }
    }

    /// `jsonutil.MarshalFloat`: a quoted string, `strconv.FormatFloat(v, 'f', -1, 64)`
    /// except exponent form below 1e-6 and from 1e21, and `NaN`, `+Inf`, `-Inf`.
    mutating func sampleValue(_ value: Double) {
        bytes.append(0x22)
        appendFloat(value, exponentStyle: .go)
        bytes.append(0x22)
    }

    /// A JSON number as Go's encoding/json writes a float64 (same cut-offs, exponent
    /// without padding: `1e-7`). JSON has no NaN or infinities; those become 0.
    mutating func number(_ value: Double) {
        appendFloat(value.isFinite ? value : 0, exponentStyle: .json)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `[t,"v"]`, the shape of every point.
    mutating func point(_ timestamp: Int64, _ value: Double) {
        bytes.append(0x5b)
        self.timestamp(timestamp)
        bytes.append(0x2c)
        sampleValue(value)
        bytes.append(0x5d)
    }

    /// A label set as an object, in label-name order.
    mutating func labels(_ labels: Labels) {
        bytes.append(0x7b)
        for (index, label) in labels.pairs.enumerated() {
            if index > 0 { bytes.append(0x2c) }
            string(label.name)
            bytes.append(0x3a)
            string(label.value)
        }
        bytes.append(0x7d)
    }

    private enum ExponentStyle { case go, json }

    private mutating func appendFloat(_ value: Double, exponentStyle: ExponentStyle) {
        if value.isNaN { raw("NaN"); return }
        if value.isInfinite { raw(value < 0 ? "-Inf" : "+Inf"); return }
        if value == 0 { raw(value.sign == .minus ? "-0" : "0"); return }
        if value < 0 { bytes.append(0x2d) }
        let magnitude = value.magnitude
        ShortestDecimal(magnitude).append(to: &bytes, scientific: magnitude < 1e-6 || magnitude >= 1e21,
                                          twoDigitExponent: exponentStyle == .go)
    }

}

/// A small JSON tree for the API's non-query answers (targets, metadata, status),
/// keeping object keys in the order they are written, as Prometheus' structs do.
indirect enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A label set as an object.
    case labels(Labels)
    /// A Prometheus timestamp (seconds with millisecond digits) from milliseconds.
    case timestamp(Int64)
    /// A sample value, quoted (`"+Inf"`).
    case sampleValue(Double)

    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let text): writer.string(text)
        case .number(let value): writer.number(value)
        case .integer(let value): writer.integer(value)
        case .bool(let value): writer.raw(value ? "true" : "false")
        case .null: writer.raw("null")
        case .labels(let labels): writer.labels(labels)
        case .timestamp(let milliseconds): writer.timestamp(milliseconds)
        case .sampleValue(let value): writer.sampleValue(value)
        case .array(let elements):
            writer.byte(0x5b)
            for (index, element) in elements.enumerated() {
                if index > 0 { writer.byte(0x2c) }
                element.write(to: &writer)
            }
            writer.byte(0x5d)
        case .object(let members):
            writer.byte(0x7b)
            for (index, member) in members.enumerated() {
                if index > 0 { writer.byte(0x2c) }
                writer.string(member.0)
                writer.byte(0x3a)
                member.1.write(to: &writer)
            }
            writer.byte(0x7d)
        }
    }
}
