/// Typed reads of member values, lenient as Envoy's typed JSON requires (numbers or
/// numeric strings; `null` and `"-"` mean unset) and strict otherwise.
extension RecordFields {
    func invalid(_ m: JSONMember, _ prefix: StaticString, _ reason: String) -> AccessLogParseError {
        AccessLogParseError(kind: .invalidField, reason: reason, offset: m.valueOffset,
                            field: "\(prefix)" + text.string(m.key))
    }

    /// Envoy's placeholder for an unset value in text formats and header operators.
    func isUnset(_ s: JSONSpan) -> Bool {
        s.count == 0 || (s.count == 1 && text.p[s.start] == UInt8(ascii: "-"))
    }

    /// A string field; numbers and booleans are taken as their text. `"-"` is unset.
    func string(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> String? {
        switch m.value {
        case .null: return nil
        case .string(let s): return s.count == 1 && text.p[s.start] == UInt8(ascii: "-") ? nil : text.string(s)
        case .number(let s): return text.string(s)
        case .bool(let b): return b ? "true" : "false"
        default: throw invalid(m, prefix, "expected a string but found \(m.value.kindName)")
        }
    }

    /// A non-negative integer, given as a number or a numeric string (`"1024"`); an
    /// integral float (`200.0`) is accepted.
    func integer(_ m: JSONMember, _ prefix: StaticString, what: String) throws(AccessLogParseError) -> Int64? {
        let span: JSONSpan
        switch m.value {
        case .null: return nil
        case .number(let s): span = s
        case .string(let s):
            if isUnset(s) { return nil }
            span = s
        default: throw invalid(m, prefix, "expected \(what) but found \(m.value.kindName)")
        }
        if let v = text.integer(span), v >= 0 { return v }
        if let d = text.double(span), d >= 0, d < 9e18, d == d.rounded() { return Int64(d) }
        throw invalid(m, prefix, "expected \(what) but found \"\(text.string(span))\"")
    }

    /// A response code, 0 through 999.
    func code(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> Int? {
        guard let v = try integer(m, prefix, what: "a response code") else { return nil }
        guard v <= 999 else { throw invalid(m, prefix, "response code \(v) is out of range (0 to 999)") }
        return Int(v)
    }

    /// A byte count.
    func count(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> Int64? {
        try integer(m, prefix, what: "a byte count")
    }

    /// Milliseconds (fractions allowed) as microseconds.
    func millis(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> Int64? {
        let span: JSONSpan
        switch m.value {
        case .null: return nil
        case .number(let s): span = s
        case .string(let s):
            if isUnset(s) { return nil }
            span = s
        default: throw invalid(m, prefix, "expected milliseconds but found \(m.value.kindName)")
        }
        if let v = text.integer(span), v >= 0, v < Int64.max / 1000 { return v * 1000 }
        guard let d = text.double(span), d >= 0, d * 1000 < 9e18 else {
            throw invalid(m, prefix, "expected milliseconds but found \"\(text.string(span))\"")
        }
        return Int64((d * 1000).rounded())
    }

    /// RFC 3339 text, or an epoch number (see `AccessLogTime` for the unit rule).
    func timestamp(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> Int64? {
        switch m.value {
        case .null: return nil
        case .string(let s):
            if isUnset(s) { return nil }
            if !s.escaped, let t = AccessLogTime.micros(rfc3339Bytes: text.bytes(s)) { return t }
            if s.escaped, let t = AccessLogTime.micros(rfc3339: text.string(s)) { return t }
            if let v = text.integer(s), let t = AccessLogTime.micros(epochInteger: v) { return t }
            if let d = text.double(s), let t = AccessLogTime.micros(epoch: d) { return t }
            throw invalid(m, prefix, "expected an RFC 3339 time or epoch number but found \"\(text.string(s))\"")
        case .number(let s):
            if let v = text.integer(s), let t = AccessLogTime.micros(epochInteger: v) { return t }
            if let d = text.double(s), let t = AccessLogTime.micros(epoch: d) { return t }
            throw invalid(m, prefix, "epoch time \(text.string(s)) is out of range")
        default:
            throw invalid(m, prefix, "expected a time but found \(m.value.kindName)")
        }
    }

    /// `true`/`false`, or the strings `"true"`/`"false"`.
    func bool(_ m: JSONMember, _ prefix: StaticString) throws(AccessLogParseError) -> Bool? {
        switch m.value {
        case .null: return nil
        case .bool(let b): return b
        case .string(let s) where text.equals(s, "true"): return true
        case .string(let s) where text.equals(s, "false"): return false
        default: throw invalid(m, prefix, "expected true or false but found \(m.value.kindName)")
        }
    }
}
