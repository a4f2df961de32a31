/// The value of one AST node at one evaluation time.
enum EvalValue {
    case scalar(Double)
    case string(String)
    case vector([VectorElement])
    case matrix([MatrixSeries])

    var vector: [VectorElement] {
        if case .vector(let elements) = self { return elements }
        return []
    }

    var matrix: [MatrixSeries] {
        if case .matrix(let series) = self { return series }
        return []
    }

    var scalar: Double {
        if case .scalar(let value) = self { return value }
        return .nan
    }

    var string: String {
        if case .string(let value) = self { return value }
        return ""
    }
}
