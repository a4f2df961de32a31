/// Which proxy of a request reports it: Istio's `reporter` label.
public enum Reporter: String, Sendable, Hashable, CaseIterable {
    /// The client-side proxy (outbound listener): reports client spans.
    case source
    /// The server-side proxy (inbound listener): reports server spans.
    case destination
}
