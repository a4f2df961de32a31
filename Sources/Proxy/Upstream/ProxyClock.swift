/// Monotonic time as the policy state machines take it: a Duration since a fixed origin.
enum ProxyClock {
    static let origin = ContinuousClock.now

    static var now: Duration { origin.duration(to: .now) }

    /// Wall-clock microseconds since the Unix epoch, for observations.
    static var wallMicros: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
