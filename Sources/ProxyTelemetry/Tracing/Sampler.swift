/// Istio's random sampling: a percentage of new traces is recorded, and a decision made
/// upstream (or a debug flag) is honoured, so a trace is either whole or absent.
public struct Sampler: Sendable, Hashable {
    /// 0 to 100; Istio's default is 1.
    public var percentage: Double

    public init(percentage: Double) {
        self.percentage = min(100, max(0, percentage.isNaN ? 0 : percentage))
    }

    public func decide(incoming: IncomingTrace?, random: any RandomSource) -> Bool {
        if let incoming {
            if incoming.debug { return true }
            if let sampled = incoming.sampled { return sampled }
        }
        if percentage >= 100 { return true }
        if percentage <= 0 { return false }
        return random.nextUnitInterval() * 100 < percentage
    }
}
