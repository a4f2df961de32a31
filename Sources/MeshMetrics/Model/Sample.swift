/// One sample: time in milliseconds since the epoch, value as stored (bit for bit).
public struct Sample: Hashable, Sendable {
    public var timestamp: Int64
    public var value: Double

    public init(timestamp: Int64, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }

    /// Bitwise equality: NaN == NaN when the payload matches (stale markers included).
    public func isIdentical(to other: Sample) -> Bool {
        timestamp == other.timestamp && value.bitPattern == other.value.bitPattern
    }
}

public enum StaleNaN {
    /// Prometheus' staleness marker: a NaN with this exact payload.
    public static let bitPattern: UInt64 = 0x7ff0_0000_0000_0002
    public static let value = Double(bitPattern: bitPattern)
}

extension Double {
    public var isStaleMarker: Bool { bitPattern == StaleNaN.bitPattern }
}
