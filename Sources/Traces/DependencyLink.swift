/// An aggregate edge of the service graph, as `zipkin2.DependencyLink`: calls from `parent`
/// to `child`, and how many of them carried the `error` tag.
public struct DependencyLink: Sendable, Hashable, CustomStringConvertible {
    public var parent: String
    public var child: String
    public var callCount: Int64
    public var errorCount: Int64

    public init(parent: String, child: String, callCount: Int64, errorCount: Int64 = 0) {
        self.parent = parent
        self.child = child
        self.callCount = callCount
        self.errorCount = errorCount
    }

    public var description: String {
        "{\"parent\":\"\(parent)\",\"child\":\"\(child)\",\"callCount\":\(callCount)\(errorCount > 0 ? ",\"errorCount\":\(errorCount)" : "")}"
    }

    /// The `/api/v2/dependencies` body: `errorCount` left out when zero, as Zipkin writes it.
    public static func encodeJSON(_ links: [DependencyLink]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, link) in links.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("{\"parent\":\"".utf8))
            SpanJSONEncoder.escaped(link.parent, &out)
            out.append(contentsOf: Array("\",\"child\":\"".utf8))
            SpanJSONEncoder.escaped(link.child, &out)
            out.append(contentsOf: Array("\",\"callCount\":\(link.callCount)".utf8))
            if link.errorCount > 0 { out.append(contentsOf: Array(",\"errorCount\":\(link.errorCount)".utf8)) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}
