/// The nested shape: `source`, `destination`, `request` (with `headers`), `response`, `tls`.
extension RecordFields {
    mutating func readNested(_ key: FieldKey, _ m: JSONMember) throws(AccessLogParseError) {
        let prefix = Self.prefix(key)
        switch m.value {
        case .null:
            return
        case .string where key == .source || key == .destination:
            // A bare name (`"destination": "reviews"`): the peer's service.
            let name = try string(m, "")
            if key == .source { source.service = source.service ?? name } else { destination.service = destination.service ?? name }
            return
        case .object(let members):
            sawNested = true
            switch key {
            case .source: source = try peer(members, prefix, into: source)
            case .destination: destination = try peer(members, prefix, into: destination)
            case .request: try readRequest(members)
            case .response: try readResponse(members)
            default: try readTLS(members)
            }
        default:
            throw invalid(m, "", "expected an object but found \(m.value.kindName)")
        }
    }

    static func prefix(_ key: FieldKey) -> StaticString {
        switch key {
        case .source: "source."
        case .destination: "destination."
        case .request: "request."
        case .response: "response."
        case .headers: "request.headers."
        default: "tls."
        }
    }

    func peer(_ members: [JSONMember], _ prefix: StaticString, into start: AccessLogPeer) throws(AccessLogParseError) -> AccessLogPeer {
        var peer = start
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text) else { continue }
            switch key {
            case .workload: set(&peer.workload, try string(m, prefix))
            case .app: set(&peer.app, try string(m, prefix))
            case .service: set(&peer.service, try string(m, prefix))
            case .namespace: set(&peer.namespace, try string(m, prefix))
            case .version: set(&peer.version, try string(m, prefix))
            case .ip, .address: set(&peer.address, try string(m, prefix))
            default: break
            }
        }
        return peer
    }

    mutating func readRequest(_ members: [JSONMember]) throws(AccessLogParseError) {
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text) else { continue }
            switch key {
            case .id: set(&requestId, try string(m, "request."))
            case .bytes, .bytesReceived:
                if bytesReceived == nil { bytesReceived = try count(m, "request.") }
            case .headers:
                guard case .object(let headerMembers) = m.value else {
                    if case .null = m.value { continue }
                    throw invalid(m, "request.", "expected an object but found \(m.value.kindName)")
                }
                try readHeaders(headerMembers)
            case .timestamp, .startTime, .time:
                if timestamp == nil { timestamp = try self.timestamp(m, "request.") }
            default:
                try readCommon(key, m, "request.")
            }
        }
    }

    /// Header names in any case; a header repeated as an array keeps its first value.
    mutating func readHeaders(_ members: [JSONMember]) throws(AccessLogParseError) {
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text, lowercase: true) else { continue }
            var value = m
            if case .array(let values) = m.value {
                guard let first = values.first else { continue }
                value = JSONMember(key: m.key, value: first, valueOffset: m.valueOffset)
            }
            let v = try string(value, "request.headers.")
            switch key {
            case .requestIdHeader: set(&headers.requestId, v)
            case .userAgentHeader: set(&headers.userAgent, v)
            case .authorityHeader, .host: set(&headers.authority, v)
            case .b3TraceIdHeader: set(&headers.xB3TraceId, v)
            case .b3: set(&headers.b3, v)
            case .traceparent: set(&headers.traceparent, v)
            default: break
            }
        }
    }

    mutating func readResponse(_ members: [JSONMember]) throws(AccessLogParseError) {
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text) else { continue }
            switch key {
            case .code, .status, .responseCode:
                if responseCode == nil { responseCode = try code(m, "response.") }
            case .durationMs, .duration:
                if durationMicros == nil { durationMicros = try millis(m, "response.") }
            case .bytes, .bytesSent:
                if bytesSent == nil { bytesSent = try count(m, "response.") }
            default:
                try readCommon(key, m, "response.")
            }
        }
    }

    /// `enabled`, `version`, and whether the peer was authenticated too (`mode: mutual`,
    /// `mutual: true` or `mtls: true`).
    mutating func readTLS(_ members: [JSONMember]) throws(AccessLogParseError) {
        for m in members {
            guard let key = FieldKey.lookup(m.key, in: text) else { continue }
            switch key {
            case .enabled: if tlsEnabled == nil { tlsEnabled = try bool(m, "tls.") }
            case .version: set(&tlsVersion, try string(m, "tls."))
            case .mutual, .mtls: if try bool(m, "tls.") == true { tlsMutual = true }
            case .mode:
                let mode = try string(m, "tls.")?.lowercased() ?? ""
                if mode.contains("mutual") { tlsMutual = true }
                if tlsEnabled == nil && (mode == "disable" || mode == "none" || mode == "disabled") { tlsEnabled = false }
            default: break
            }
        }
    }
}
