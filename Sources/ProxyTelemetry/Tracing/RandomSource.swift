/// Where trace ids and sampling draws come from. Injected so tests can pin both; the
/// default draws from the system generator, which is safe to share between threads.
public protocol RandomSource: Sendable {
    func nextUInt64() -> UInt64
}

/// The system's cryptographically seeded generator (`SystemRandomNumberGenerator`).
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func nextUInt64() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

extension RandomSource {
    /// A uniform draw in [0, 1) from the top 53 bits, as `Double.random` does.
    func nextUnitInterval() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    /// A non-zero 64-bit id as 16 lower-hex digits (zero is "no id" in B3 and W3C).
    func nextSpanID() -> String {
        var value = nextUInt64()
        while value == 0 { value = nextUInt64() }
        return TraceHex.format(value)
    }

    /// A non-zero 128-bit trace id as 32 lower-hex digits (Istio sets `trace_id_128bit`).
    func nextTraceID() -> String {
        var high = nextUInt64(), low = nextUInt64()
        while high == 0 && low == 0 { high = nextUInt64(); low = nextUInt64() }
        return TraceHex.format(high) + TraceHex.format(low)
    }
}
