/// Reads one access-log line in any of the accepted shapes (`AccessLogShape`) into an
/// `AccessLogRecord`.
///
/// The three shapes share one field table (`FieldKey`): a record may mix them, and the
/// shape reported is the one its keys point to (nested objects → `.nested`; Istio's
/// `start_time`, `response_code`, `upstream_cluster` or `bytes_received` → `.istio`; else
/// `.envoyCustom`). Values are typed leniently, as Envoy's typed JSON and its text
/// fallbacks require: numbers or numeric strings, and `null`, `"-"` or a missing key for
/// unset. A known field with an impossible value (an object as `response_code`, `"abc"` as
/// `duration`) refuses the line with that field's position; unknown fields are ignored.
///
/// Source and destination come from the record's nested `source`/`destination` objects
/// when they identify the peer; otherwise from `upstream_cluster` and `defaultService`,
/// the service whose proxy wrote the log (configured for a tailed file, or by the sender):
/// - `outbound|PORT|SUBSET|HOST`: source = defaultService; destination = HOST's service and
///   namespace, version = SUBSET.
/// - `inbound|PORT|...`: destination = HOST's service if named, else defaultService.
/// - another cluster name: source = defaultService, destination = the cluster name (none
///   for Istio's passthrough and black-hole clusters).
/// - no cluster: the record is taken as the local service's own (inbound) log:
///   destination = defaultService.
public enum AccessLogParser {
    /// Deepest nesting of objects and arrays accepted (the nested shape uses 3).
    public static let maxDepth = 32

    public static func parse(line: some Collection<UInt8>, defaultService: String? = nil) throws(AccessLogParseError) -> AccessLogRecord {
        let direct = line.withContiguousStorageIfAvailable { buffer in
            Result { () throws(AccessLogParseError) in try parse(buffer: buffer, defaultService: defaultService) }
        }
        if let direct { return try direct.get() }
        let copy = Array(line)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(AccessLogParseError) in try parse(buffer: buffer, defaultService: defaultService) }
        }.get()
    }

    /// Parses bytes that stay valid for the call; `raw` is copied from them.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>, defaultService: String? = nil) throws(AccessLogParseError) -> AccessLogRecord {
        let root = try JSONParser.parse(buffer, maxDepth: maxDepth)
        guard case .object(let members) = root else {
            var start = 0
            while start < buffer.count, buffer[start] == 0x20 || buffer[start] == 0x09 || buffer[start] == 0x0A || buffer[start] == 0x0D {
                start += 1
            }
            throw AccessLogParseError(kind: .notAnObject, reason: "a record must be a JSON object, not \(root.kindName)", offset: start)
        }
        var fields = RecordFields(text: JSONText(buffer))
        try fields.readTopLevel(members)
        return try fields.record(raw: Array(buffer), defaultService: defaultService)
    }
}
