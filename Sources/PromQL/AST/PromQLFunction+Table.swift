extension PromQLFunction {
    /// Prometheus 3's function table (`promql/parser/functions.go`), plus the newer
    /// scalar helpers `min_of`/`max_of` its conformance scripts use.
    static let table: [String: PromQLFunction] = {
        let scalar = ValueType.scalar, vector = ValueType.vector, matrix = ValueType.matrix, string = ValueType.string
        var functions: [PromQLFunction] = []

        // Element-wise math on an instant vector.
        for name in [
            "abs", "ceil", "exp", "floor", "ln", "log2", "log10", "sgn", "sqrt",
            "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "sin", "sinh", "tan", "tanh",
            "deg", "rad", "absent", "timestamp", "sort", "sort_desc",
            "histogram_avg", "histogram_count", "histogram_sum", "histogram_stddev", "histogram_stdvar",
        ] {
            functions.append(PromQLFunction(name, [vector], returns: vector))
        }
        // Calendar functions default to the evaluation time: `hour()` or `hour(v)`.
        for name in ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"] {
            functions.append(PromQLFunction(name, [vector], returns: vector, variadic: 1))
        }
        // Functions of a range vector.
        for name in [
            "absent_over_time", "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta",
            "increase", "irate", "last_over_time", "max_over_time", "min_over_time", "present_over_time",
            "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time",
        ] {
            functions.append(PromQLFunction(name, [matrix], returns: vector))
        }
        for name in [
            "first_over_time", "mad_over_time", "ts_of_first_over_time", "ts_of_last_over_time",
            "ts_of_max_over_time", "ts_of_min_over_time",
        ] {
            functions.append(PromQLFunction(name, [matrix], returns: vector, experimental: true))
        }
        // Scalars from the query itself.
        functions.append(PromQLFunction("pi", [], returns: scalar))
        functions.append(PromQLFunction("time", [], returns: scalar))
        for name in ["start", "end", "step", "range"] {
            functions.append(PromQLFunction(name, [], returns: scalar, experimental: true))
        }
        functions += [
            PromQLFunction("min_of", [scalar, scalar], returns: scalar, experimental: true),
            PromQLFunction("max_of", [scalar, scalar], returns: scalar, experimental: true),
            PromQLFunction("scalar", [vector], returns: scalar),
            PromQLFunction("vector", [scalar], returns: vector),
            PromQLFunction("clamp", [vector, scalar, scalar], returns: vector),
            PromQLFunction("clamp_max", [vector, scalar], returns: vector),
            PromQLFunction("clamp_min", [vector, scalar], returns: vector),
            PromQLFunction("round", [vector, scalar], returns: vector, variadic: 1),
            PromQLFunction("predict_linear", [matrix, scalar], returns: vector),
            PromQLFunction("quantile_over_time", [scalar, matrix], returns: vector),
            PromQLFunction("histogram_quantile", [scalar, vector], returns: vector),
            PromQLFunction("histogram_fraction", [scalar, scalar, vector], returns: vector),
            PromQLFunction(
                "histogram_quantiles", [vector, string, scalar, scalar], returns: vector, variadic: 9,
                experimental: true),
            PromQLFunction("double_exponential_smoothing", [matrix, scalar, scalar], returns: vector, experimental: true),
            PromQLFunction("integral", [matrix, scalar], returns: vector, variadic: 1, experimental: true),
            PromQLFunction("info", [vector, vector], returns: vector, variadic: 1, experimental: true),
            PromQLFunction("label_replace", [vector, string, string, string, string], returns: vector),
            PromQLFunction("label_join", [vector, string, string, string], returns: vector, variadic: -1),
            PromQLFunction("sort_by_label", [vector, string], returns: vector, variadic: -1, experimental: true),
            PromQLFunction("sort_by_label_desc", [vector, string], returns: vector, variadic: -1, experimental: true),
        ]
        return Dictionary(uniqueKeysWithValues: functions.map { ($0.name, $0) })
    }()
}
