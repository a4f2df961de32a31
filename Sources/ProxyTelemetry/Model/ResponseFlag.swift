/// Envoy's short response flags (`%RESPONSE_FLAGS%`, Istio's `response_flags` label), as
/// constants so the data path does not spell them by hand. Unknown flags are kept as given.
public enum ResponseFlag {
    public static let noHealthyUpstream = "UH"
    public static let upstreamConnectionFailure = "UF"
    /// Circuit breaking: a connection-pool limit overflowed.
    public static let upstreamOverflow = "UO"
    public static let noRouteFound = "NR"
    public static let upstreamRetryLimitExceeded = "URX"
    public static let noClusterFound = "NC"
    public static let durationTimeout = "DT"
    public static let downstreamConnectionTermination = "DC"
    public static let upstreamRequestTimeout = "UT"
    public static let localReset = "LR"
    public static let upstreamRemoteReset = "UR"
    public static let upstreamConnectionTermination = "UC"
    public static let delayInjected = "DI"
    public static let faultInjected = "FI"
    public static let rateLimited = "RL"
    public static let streamIdleTimeout = "SI"
    public static let downstreamProtocolError = "DPE"
    public static let upstreamProtocolError = "UPE"

    /// What Envoy prints for a set of flags: comma-joined, `-` when there are none.
    public static func text(_ flags: [String]) -> String {
        let present = flags.filter { !$0.isEmpty && $0 != "-" }
        return present.isEmpty ? "-" : present.joined(separator: ",")
    }
}
