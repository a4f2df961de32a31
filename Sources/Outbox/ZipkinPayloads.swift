import Traces

/// Turns stored spans into queue payloads for one span-forwarding destination: at most
/// `maxPerSend` spans each, as JSON objects joined by commas (the request adds the
/// brackets) or as proto3 `ListOfSpans` fragments (which concatenate).
public struct ZipkinPayloads: Sendable {
    public let format: ForwardDestination.Format
    public let maxPerSend: Int

    public init(format: ForwardDestination.Format, maxPerSend: Int) {
        self.format = format
        self.maxPerSend = max(1, maxPerSend)
    }

    public func payloads(_ spans: [Span]) -> [(payload: [UInt8], count: Int)] {
        var out: [(payload: [UInt8], count: Int)] = []
        var start = 0
        while start < spans.count {
            let slice = Array(spans[start..<min(start + maxPerSend, spans.count)])
            out.append((encode(slice), slice.count))
            start += slice.count
        }
        return out
    }

    private func encode(_ spans: [Span]) -> [UInt8] {
        if format == .zipkinProto3 { return SpanProtoEncoder.encode(spans) }
        var list = SpanJSONEncoder.encode(spans)
        // `[a,b]` → `a,b`: the forwarder joins payloads into one list per request.
        if list.first == UInt8(ascii: "[") { list.removeFirst() }
        if list.last == UInt8(ascii: "]") { list.removeLast() }
        return list
    }
}
