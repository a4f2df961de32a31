import Foundation

/// Wall-clock milliseconds, for item ages.
public enum OutboxClock {
    public static func milliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
