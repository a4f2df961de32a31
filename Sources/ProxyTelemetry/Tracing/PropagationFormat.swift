/// The trace header formats a request can carry.
public struct PropagationFormat: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `x-b3-traceid`, `x-b3-spanid`, `x-b3-parentspanid`, `x-b3-sampled`, `x-b3-flags`.
    public static let b3Multi = PropagationFormat(rawValue: 1)
    /// `b3: {traceid}-{spanid}-{sampled}-{parentspanid}`.
    public static let b3Single = PropagationFormat(rawValue: 2)
    /// W3C `traceparent: 00-{traceid}-{parentid}-{flags}`.
    public static let w3c = PropagationFormat(rawValue: 4)
}
