import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/functions.test, trig_functions.test and
/// aggregators.test (round, clamp, sgn, exp/ln/log, trigonometry).
@Suite struct FunctionsMathTests {
    @Test func roundingFunctions() {
        let inputs: [Double] = [2.5, 2, -2.5, -2, 0, -0.0, .infinity, -.infinity, .nan]
        let ceil: [Double] = [3, 2, -2, -2, 0, 0, .infinity, -.infinity, .nan]
        let floor: [Double] = [2, 2, -3, -2, 0, 0, .infinity, -.infinity, .nan]
        let round: [Double] = [3, 2, -2, -2, 0, 0, .infinity, -.infinity, .nan]
        let abs: [Double] = [2.5, 2, 2.5, 2, 0, 0, .infinity, .infinity, .nan]
        for (i, v) in inputs.enumerated() {
            expectClose(MathFunction.ceil.apply(v), ceil[i])
            expectClose(MathFunction.floor.apply(v), floor[i])
            expectClose(MathFunctions.round(v), round[i])
            expectClose(MathFunction.abs.apply(v), abs[i])
        }
    }

    @Test func roundHalfUpWithToNearest() {
        // round(k * http_requests) for the values 100 and 200 (aggregators.test).
        let cases: [(Double, Double, Double)] = [
            (0.004 * 100, 1, 0), (0.004 * 200, 1, 1), (-1 * (0.004 * 100), 1, 0), (-1 * (0.004 * 200), 1, -1),
            (0.005 * 100, 1, 1), (0.005 * 200, 1, 1), (-1 * (0.005 * 100), 1, 0), (-1 * (0.005 * 200), 1, -1),
            (1 + 0.005 * 100, 1, 2), (1 + 0.005 * 200, 1, 2), (-1 * (1 + 0.005 * 100), 1, -1), (-1 * (1 + 0.005 * 200), 1, -2),
            (0.0005 * 100, 0.1, 0.1), (0.0005 * 200, 0.1, 0.1), (2.1 + 0.0005 * 100, 0.1, 2.2), (2.1 + 0.0005 * 200, 0.1, 2.2),
            (5.2 + 0.0005 * 100, 0.1, 5.3), (5.2 + 0.0005 * 200, 0.1, 5.3),
            (-1 * (5.2 + 0.0005 * 100), 0.1, -5.2), (-1 * (5.2 + 0.0005 * 200), 0.1, -5.3),
            (0.025 * 100, 5, 5), (0.025 * 200, 5, 5), (0.045 * 100, 5, 5), (0.045 * 200, 5, 10),
        ]
        for (value, toNearest, expected) in cases {
            expectClose(MathFunctions.round(value, toNearest: toNearest), expected)
        }
    }

    @Test func clampFamily() {
        let values: [Double] = [-50, 0, 100]
        #expect(values.map { MathFunctions.clampMax($0, max: 75) } == [-50, 0, 75])
        #expect(values.map { MathFunctions.clampMin($0, min: -25) } == [-25, 0, 100])
        #expect(values.map { MathFunctions.clamp($0, min: -25, max: 75) } == [-25, 0, 75])
        #expect(values.map { MathFunctions.clampMax(MathFunctions.clampMin($0, min: -20), max: 70) } == [-20, 0, 70])
        #expect(values.allSatisfy { MathFunctions.clamp($0, min: 0, max: .nan)?.isNaN == true })
        #expect(values.allSatisfy { MathFunctions.clamp($0, min: .nan, max: 0)?.isNaN == true })
        #expect(values.allSatisfy { MathFunctions.clamp($0, min: 5, max: -5) == nil })
        #expect(MathFunctions.clampMin(.nan, min: 2).isNaN)
        #expect(MathFunctions.minOf(3, 5) == 3 && MathFunctions.maxOf(5, 3) == 5)
        #expect(MathFunctions.minOf(-2, -5) == -5 && MathFunctions.maxOf(-2, -5) == -2)
        #expect(MathFunctions.minOf(.nan, 3).isNaN && MathFunctions.maxOf(3, .nan).isNaN)
    }

    @Test func sgn() {
        let inputs: [Double] = [-.infinity, .infinity, .nan, -50, 0, 100]
        let expected: [Double] = [-1, 1, .nan, -1, 0, 1]
        for (v, e) in zip(inputs, expected) { expectClose(MathFunction.sgn.apply(v), e) }
    }

    @Test func exponentsAndLogarithms() {
        expectClose(MathFunction.exp.apply(10), 22026.465794806718)
        expectClose(MathFunction.exp.apply(20), 485165195.4097903)
        expectClose(MathFunction.exp.apply(-10), 4.5399929762484854e-05)
        #expect(MathFunction.exp.apply(0) == 1)
        expectClose(MathFunction.ln.apply(10), 2.302585092994046)
        expectClose(MathFunction.ln.apply(20), 2.995732273553991)
        #expect(MathFunction.ln.apply(0) == -.infinity)
        #expect(MathFunction.ln.apply(-10).isNaN)
        expectClose(MathFunction.sqrt.apply(10), 3.1622776601683795)
        expectClose(MathFunction.sqrt.apply(20), 4.47213595499958)
        expectClose(MathFunction.log2.apply(10), 3.3219280948873626)
        expectClose(MathFunction.log2.apply(20), 4.321928094887363)
        #expect(MathFunction.log2.apply(8) == 3)
        #expect(MathFunction.log2.apply(0) == -.infinity)
        #expect(MathFunction.log2.apply(-10).isNaN)
        expectClose(MathFunction.log10.apply(10), 1) // Go's Log(x)*(1/Ln10) gives 0.9999999999999999.
        expectClose(MathFunction.log10.apply(20), 1.301029995663981)
        #expect(MathFunction.log10.apply(0) == -.infinity)
        #expect(MathFunction.log10.apply(-10).isNaN)
        expectClose(MathFunction.exp.apply(MathFunction.ln.apply(20)), 20)
    }

    @Test func trigonometry() {
        let x = 10.0, y = 20.0
        let table: [(MathFunction, Double, Double)] = [
            (.sin, x, -0.5440211108893699), (.sin, y, 0.9129452507276277),
            (.cos, x, -0.8390715290764524), (.cos, y, 0.40808206181339196),
            (.tan, x, 0.6483608274590867), (.tan, y, 2.2371609442247427),
            (.asin, x - 10.1, -0.10016742116155944), (.asin, y - 10.1, .nan),
            (.acos, x - 10.1, 1.670963747956456), (.acos, y - 10.1, .nan),
            (.atan, x, 1.4711276743037345), (.atan, y, 1.5208379310729538),
            (.sinh, x, 11013.232920103324), (.sinh, y, 2.4258259770489514e+08),
            (.cosh, x, 11013.232920103324), (.cosh, y, 2.4258259770489514e+08),
            (.tanh, x, 0.9999999958776927), (.tanh, y, 1),
            (.asinh, x, 2.99822295029797), (.asinh, y, 3.6895038689889055),
            (.acosh, x, 2.993222846126381), (.acosh, y, 3.6882538673612966),
            (.atanh, x - 10.1, -0.10033534773107522), (.atanh, y - 10.1, .nan),
            (.rad, x, 0.17453292519943295), (.rad, y, 0.3490658503988659), (.rad, 0, 0), (.rad, -10, -0.17453292519943295),
            (.deg, x, 572.9577951308232), (.deg, y, 1145.9155902616465), (.deg, 0, 0), (.deg, -10, -572.9577951308232),
        ]
        for (function, input, expected) in table {
            // The script's sinh(10) is really cosh(10); promqltest's 1e-6 tolerance hides it.
            expectClose(function.apply(input), expected)
            #expect(function.apply(.nan).isNaN)
        }
        #expect(MathFunctions.pi == 3.141592653589793)
        #expect(MathFunction(rawValue: "atanh") == .atanh)
    }
}
