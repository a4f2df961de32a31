/// Value readers of the JSON v2 decoder, with gson's leniency (Zipkin reads through gson):
/// `nextString` takes a number's text, `nextLong`/`nextInt` take a numeric string and an
/// integral double (`1.0`, `1e3`). A value of the wrong type is recorded as the span's
/// problem and skipped; these readers return nil then.
extension JSONSpanParser {
    mutating func string(field: @autoclosure () -> String) throws(JSONFailure) -> String? {
        let at = reader.i
        switch try reader.token() {
        case .string: return try reader.string(reader.scanString())
        case .number:
            let n = try reader.scanNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: reader.p[n.start..<n.end]), as: UTF8.self)
        case let t:
            let f = field()
            fail(.value("Expected a string but was \(t.rawValue) \(path(f, at: at))"), at: at, field: f)
            try reader.skipValue()
            return nil
        }
    }

    /// An id, normalised straight from the bytes when the string has no escapes.
    mutating func id(_ which: HexID.Field) throws(JSONFailure) -> String? {
        let at = reader.i
        do {
            if try reader.token() == .string {
                let s = try reader.scanString()
                if !s.escaped { return try HexID.normalize(reader.raw(s), which) }
                return try HexID.normalize(try reader.string(s), which)
            }
            guard let text = try string(field: which.rawValue) else { return nil }
            return try HexID.normalize(text, which)
        } catch let e as SpanValidationError {
            fail(.validation(e), at: at, field: which.rawValue)
            return nil
        } catch let e as JSONFailure {
            throw e
        } catch {
            throw reader.syntax("\(error)")
        }
    }

    mutating func long(field: @autoclosure () -> String) throws(JSONFailure) -> Int64? {
        try integer(field: field(), min: Int64.min, max: Int64.max, noun: "a long")
    }

    mutating func int(field: @autoclosure () -> String) throws(JSONFailure) -> Int64? {
        try integer(field: field(), min: Int64(Int32.min), max: Int64(Int32.max), noun: "an int")
    }

    private mutating func integer(field: @autoclosure () -> String, min: Int64, max: Int64,
                                  noun: String) throws(JSONFailure) -> Int64? {
        let at = reader.i
        let text: UnsafeBufferPointer<UInt8>
        var decoded = ""
        switch try reader.token() {
        case .number:
            let n = try reader.scanNumber()
            text = UnsafeBufferPointer(rebasing: reader.p[n.start..<n.end])
            if n.integer, let v = Self.parseInteger(text), v >= min && v <= max { return v }
        case .string:
            let s = try reader.scanString()
            if s.escaped {
                decoded = try reader.string(s)
                text = UnsafeBufferPointer(start: nil, count: 0)
            } else {
                text = reader.raw(s)
                if let v = Self.parseInteger(text), v >= min && v <= max { return v }
            }
        case let t:
            let f = field()
            fail(.value("Expected \(noun) but was \(t.rawValue) \(path(f, at: at))"), at: at, field: f)
            try reader.skipValue()
            return nil
        }
        if decoded.isEmpty { decoded = String(decoding: text, as: UTF8.self) }
        // gson falls back to a double and accepts it when it is integral.
        if let d = Double(decoded), d.isFinite, d >= Double(min), d < -Double(min) {
            let v = Int64(d)
            if Double(v) == d && v >= min && v <= max { return v }
        }
        let f = field()
        fail(.value("Expected \(noun) but was \(decoded) \(path(f, at: at))"), at: at, field: f)
        return nil
    }

    /// `-?[0-9]+` without overflow; nil otherwise.
    static func parseInteger(_ t: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !t.isEmpty else { return nil }
        var k = 0
        let negative = t[0] == UInt8(ascii: "-")
        if negative { k = 1 }
        guard k < t.count else { return nil }
        var v: Int64 = 0
        while k < t.count {
            let c = t[k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let d = Int64(c - 0x30)
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            v = a
            k += 1
        }
        return v
    }

    mutating func bool(field: @autoclosure () -> String) throws(JSONFailure) -> Bool? {
        let at = reader.i
        let t = try reader.token()
        if t == .boolean { return try reader.boolean() }
        let f = field()
        fail(.value("Expected a boolean but was \(t.rawValue) \(path(f, at: at))"), at: at, field: f)
        try reader.skipValue()
        return nil
    }

    /// `V2SpanReader.ENDPOINT_READER`: nil when no field was read or all were empty.
    mutating func endpoint(_ name: String) throws(JSONFailure) -> Endpoint? {
        let t = try reader.token()
        guard t == .beginObject else { throw reader.syntax("expected an endpoint object but was \(t.rawValue)") }
        reader.i += 1
        var e = Endpoint()
        var first = true
        while try reader.hasNext(&first, close: UInt8(ascii: "}")) {
            let key = try fieldName()
            if try reader.peek() == UInt8(ascii: "n") { try reader.literal("null"); continue }
            switch key {
            case .serviceName: if let s = try string(field: name + ".serviceName") { e.setServiceName(s) }
            case .ipv4: if let s = try string(field: name + ".ipv4") { e.parseIP(s) }
            case .ipv6: if let s = try string(field: name + ".ipv6") { e.parseIP(s) }
            case .port:
                let at = reader.i
                if let v = try int(field: name + ".port") {
                    do { try e.setPort(Int(v), field: name + ".port") } catch {
                        fail(.validation(error), at: at, field: name + ".port")
                    }
                }
            default: try reader.skipValue()
            }
        }
        return e.isEmpty ? nil : e
    }

    mutating func annotations(_ b: inout SpanBuilder) throws(JSONFailure) {
        let at = reader.i
        let t = try reader.token()
        guard t == .beginArray else {
            fail(.value("Expected BEGIN_ARRAY but was \(t.rawValue) \(path("annotations", at: at))"), at: at, field: "annotations")
            try reader.skipValue()
            return
        }
        reader.i += 1
        var first = true
        var j = 0
        while try reader.hasNext(&first, close: UInt8(ascii: "]")) {
            let start = reader.i
            let t = try reader.token()
            guard t == .beginObject else { throw reader.syntax("expected an annotation object but was \(t.rawValue)") }
            reader.i += 1
            var timestamp: Int64?
            var value: String?
            var firstField = true
            while try reader.hasNext(&firstField, close: UInt8(ascii: "}")) {
                switch try fieldName() {
                case .timestamp: timestamp = try long(field: "annotations[\(j)].timestamp")
                case .value: value = try string(field: "annotations[\(j)].value")
                default: try reader.skipValue()
                }
            }
            if let timestamp, let value {
                b.annotations.append(Annotation(timestamp: timestamp, value: value))
            } else {
                let prefix = list ? "$[\(index)]" : "$"
                fail(.value("Incomplete annotation at \(prefix).annotations[\(j)]"), at: start, field: "annotations[\(j)]")
            }
            j += 1
        }
    }

    mutating func tags(_ b: inout SpanBuilder) throws(JSONFailure) {
        let t = try reader.token()
        guard t == .beginObject else { throw reader.syntax("expected a tags object but was \(t.rawValue)") }
        reader.i += 1
        // Growing a dictionary rehashes every key: reserve for a typical sidecar span.
        if b.tags.isEmpty { b.tags.reserveCapacity(16) }
        var first = true
        while try reader.hasNext(&first, close: UInt8(ascii: "}")) {
            let key = try reader.string(reader.name())
            let at = reader.i
            if try reader.peek() == UInt8(ascii: "n") {
                let prefix = list ? "$[\(index)]" : "$"
                fail(.value("No value at \(prefix).tags.\(key)"), at: at, field: "tags.\(key)")
                try reader.literal("null")
                continue
            }
            if let v = try string(field: "tags.\(key)") { b.tags[key] = v }
        }
    }
}
