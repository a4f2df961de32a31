#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// libm entry points under names that the enum cases below do not shadow.
private func libm_exp(_ x: Double) -> Double { exp(x) }
private func libm_log(_ x: Double) -> Double { log(x) }
private func libm_sin(_ x: Double) -> Double { sin(x) }
private func libm_cos(_ x: Double) -> Double { cos(x) }
private func libm_tan(_ x: Double) -> Double { tan(x) }
private func libm_asin(_ x: Double) -> Double { asin(x) }
private func libm_acos(_ x: Double) -> Double { acos(x) }
private func libm_atan(_ x: Double) -> Double { atan(x) }
private func libm_sinh(_ x: Double) -> Double { sinh(x) }
private func libm_cosh(_ x: Double) -> Double { cosh(x) }
private func libm_tanh(_ x: Double) -> Double { tanh(x) }
private func libm_asinh(_ x: Double) -> Double { asinh(x) }
private func libm_acosh(_ x: Double) -> Double { acosh(x) }
private func libm_atanh(_ x: Double) -> Double { atanh(x) }

/// The element-wise math functions of PromQL on float values. Instant-vector functions
/// keep each element's labels (the evaluator marks the metric name for dropping) and
/// skip native histograms; these are the value mappings.
public enum MathFunction: String, Sendable, Hashable, CaseIterable {
    case abs, ceil, floor, exp, ln, log2, log10, sqrt, sgn
    case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh
    case deg, rad

    /// Applies the function to one value.
    public func apply(_ v: Double) -> Double {
        switch self {
        case .abs: return v.magnitude
        case .ceil: return v.rounded(.up)
        case .floor: return v.rounded(.down)
        case .exp: return libm_exp(v)
        case .ln: return libm_log(v)
        case .log2: return MathFunctions.log2(v)
        case .log10: return MathFunctions.log10(v)
        case .sqrt: return v.squareRoot()
        case .sgn: return MathFunctions.sgn(v)
        case .sin: return libm_sin(v)
        case .cos: return libm_cos(v)
        case .tan: return libm_tan(v)
        case .asin: return libm_asin(v)
        case .acos: return libm_acos(v)
        case .atan: return libm_atan(v)
        case .sinh: return libm_sinh(v)
        case .cosh: return libm_cosh(v)
        case .tanh: return libm_tanh(v)
        case .asinh: return libm_asinh(v)
        case .acosh: return libm_acosh(v)
        case .atanh: return libm_atanh(v)
        case .deg: return v * 180 / Double.pi
        case .rad: return v * Double.pi / 180
        }
    }
}

/// Scalar helpers with Go's formulas where they differ from libm, plus the
/// parameterised functions round and clamp.
public enum MathFunctions {
    /// pi(): Go's `math.Pi`.
    public static let pi = Double.pi

    /// Go's `math.Log2`: exact for powers of two, else `Log(frac)/Ln2 + exp`.
    public static func log2(_ x: Double) -> Double {
        var exponent: Int32 = 0
        let fraction = frexp(x, &exponent)
        if fraction == 0.5 { return Double(exponent - 1) }
        return libm_log(fraction) * (1 / 0.693147180559945309417232121458176568) + Double(exponent)
    }

    /// Go's `math.Log10`: `Log(x) * (1/Ln10)`, which is what Prometheus returns.
    public static func log10(_ x: Double) -> Double {
        libm_log(x) * (1 / 2.30258509299404568401799145468436421)
    }

    /// sgn(v): -1, 1, or v itself for ±0 and NaN.
    public static func sgn(_ v: Double) -> Double {
        if v < 0 { return -1 }
        if v > 0 { return 1 }
        return v
    }

    /// round(v, to_nearest=1): `floor(v * (1/to_nearest) + 0.5) / (1/to_nearest)`; ties
    /// round up, and the inverse is taken first as Prometheus does for accuracy.
    public static func round(_ v: Double, toNearest: Double = 1) -> Double {
        let inverse = 1.0 / toNearest
        return (v * inverse + 0.5).rounded(.down) / inverse
    }

    /// clamp(v, min, max): Go's `Max(min, Min(max, v))`; nil (no output at all) when
    /// max < min. clamp_min and clamp_max pass ±Inf for the missing bound.
    public static func clamp(_ v: Double, min: Double, max: Double) -> Double? {
        guard !(max < min) else { return nil }
        return GoNumerics.max(min, GoNumerics.min(max, v))
    }

    /// clamp_min(v, min).
    public static func clampMin(_ v: Double, min: Double) -> Double {
        GoNumerics.max(min, GoNumerics.min(.infinity, v))
    }

    /// clamp_max(v, max).
    public static func clampMax(_ v: Double, max: Double) -> Double {
        GoNumerics.max(-.infinity, GoNumerics.min(max, v))
    }

    /// min_of(a, b): Go's `math.Min` (NaN wins unless the other is -Inf).
    public static func minOf(_ a: Double, _ b: Double) -> Double { GoNumerics.min(a, b) }

    /// max_of(a, b): Go's `math.Max` (NaN wins unless the other is +Inf).
    public static func maxOf(_ a: Double, _ b: Double) -> Double { GoNumerics.max(a, b) }
}
