import ArgumentParser

/// What the demo's traffic policy does, as a choice of files from `Deploy/demo`.
enum DemoScenario: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Routing, retries, timeouts and the circuit breaker; no injected faults.
    case steady
    /// As steady, plus 10% aborts on ratings and a delay on reviews v3's calls.
    case faults
    /// reviews v3 takes over from v1 in steps, by rewriting the VirtualService and
    /// sending SIGHUP to the sidecar that routes to reviews.
    case canary

    /// The policy files the sidecars load, in `Deploy/demo`.
    var policyFiles: [String] {
        let shared = ["destination-rules.yaml", "virtual-services.yaml", "peer-authentication.yaml"]
        switch self {
        case .steady: return shared + ["reviews.yaml", "ratings.yaml"]
        case .faults: return shared + ["reviews.yaml", "ratings-faults.yaml"]
        case .canary: return shared + [DemoCanary.fileName, "ratings.yaml"]
        }
    }
}
