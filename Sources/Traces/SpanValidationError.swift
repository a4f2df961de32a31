/// A span or endpoint that Zipkin's builders would refuse, with Zipkin's own wording in
/// `message` (for example `traceId is all zeros` or `zz should be lower-hex encoded with no
/// prefix`) and the offending field.
public struct SpanValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, in JSON v2 spelling: `traceId`, `id`, `parentId`, `localEndpoint.port`, ...
    public var field: String
    /// Zipkin's message for the failure.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
