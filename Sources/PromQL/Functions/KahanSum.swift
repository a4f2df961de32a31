/// Prometheus' Kahan–Neumaier compensated summation (`util/kahansum`), shared by sum,
/// avg, the `_over_time` functions and linear regression. Once the running sum is
/// infinite the compensation is reset to 0, so ±Inf results are not turned into NaN.
public enum KahanSum {
    /// `kahansum.Inc`: adds `increment` to `sum`, carrying the lost low-order bits in `c`.
    @inlinable
    public static func inc(_ increment: Double, sum: Double, c: Double) -> (sum: Double, c: Double) {
        let t = sum + increment
        var c = c
        if t.isInfinite {
            c = 0
        } else if sum.magnitude >= increment.magnitude {
            c += (sum - t) + increment
        } else {
            c += (increment - t) + sum
        }
        return (t, c)
    }

    /// `kahansum.Dec`: subtracts `decrement` from `sum` with the same compensation.
    @inlinable
    public static func dec(_ decrement: Double, sum: Double, c: Double) -> (sum: Double, c: Double) {
        let t = sum - decrement
        var c = c
        if t.isInfinite {
            c = 0
        } else if sum.magnitude >= decrement.magnitude {
            c += (sum - t) - decrement
        } else {
            c += (-decrement - t) + sum
        }
        return (t, c)
    }

    /// Compensated sum of `values` as sum_over_time finishes it: the compensation is
    /// only added back while the sum is finite. 0 for no values.
    public static func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var accumulator = Accumulator()
        for value in values { accumulator.add(value) }
        return accumulator.total
    }

    /// A running compensated sum.
    public struct Accumulator: Sendable, Hashable {
        public private(set) var sum: Double = 0
        public private(set) var compensation: Double = 0

        public init() {}

        public mutating func add(_ value: Double) {
            (sum, compensation) = KahanSum.inc(value, sum: sum, c: compensation)
        }

        /// `sum + c`, or `sum` alone once it is infinite.
        public var total: Double { sum.isInfinite ? sum : sum + compensation }
    }
}
