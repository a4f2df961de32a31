import Foundation
import MeshMetrics

extension Evaluator {
    func evalBinary(_ node: BinaryExpr, at t: Int64) throws(EngineError) -> EvalValue {
        let lhs = try eval(node.lhs, at: t)
        let rhs = try eval(node.rhs, at: t)
        switch (lhs, rhs) {
        case let (.scalar(left), .scalar(right)):
            let (value, keep) = Self.apply(node.op, left, right)
            if node.op.isComparison { return .scalar(keep ? 1 : 0) }
            return .scalar(value)
        case let (.vector(elements), .scalar(scalar)):
            return .vector(vectorScalar(node, elements, scalar, swapped: false, at: t))
        case let (.scalar(scalar), .vector(elements)):
            return .vector(vectorScalar(node, elements, scalar, swapped: true, at: t))
        case let (.vector(left), .vector(right)):
            return .vector(try vectorVector(node, left, right, at: t))
        default:
            throw EngineError(.execution, "invalid operands for binary operator \(node.op)")
        }
    }

    /// `op` on two floats: the arithmetic result, or for comparisons the left value and
    /// whether the comparison holds.
    static func apply(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> (Double, Bool) {
        switch op {
        case .add: (lhs + rhs, true)
        case .sub: (lhs - rhs, true)
        case .mul: (lhs * rhs, true)
        case .div: (lhs / rhs, true)
        case .mod: (fmod(lhs, rhs), true)
        case .pow: (pow(lhs, rhs), true)
        case .atan2: (atan2(lhs, rhs), true)
        case .equal: (lhs, lhs == rhs)
        case .notEqual: (lhs, lhs != rhs)
        case .greater: (lhs, lhs > rhs)
        case .less: (lhs, lhs < rhs)
        case .greaterOrEqual: (lhs, lhs >= rhs)
        case .lessOrEqual: (lhs, lhs <= rhs)
        case .and, .or, .unless: (lhs, true)
        }
    }

    static func dropsName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .mod, .pow, .atan2: true
        default: false
        }
    }

    private func vectorScalar(_ node: BinaryExpr, _ elements: [VectorElement], _ scalar: Double, swapped: Bool,
                              at t: Int64) -> [VectorElement] {
        var out: [VectorElement] = []
        for element in elements {
            let (left, right) = swapped ? (scalar, element.value) : (element.value, scalar)
            var (value, keep) = Self.apply(node.op, left, right)
            // A comparison keeps the vector's value even when the scalar is on the left.
            if node.op.isComparison && swapped { value = right }
            if node.returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            var result = element
            result.value = value
            result.timestamp = t
            if Self.dropsName(node.op) || node.returnBool { result.dropName = true }
            out.append(result)
        }
        return out
    }

    private func vectorVector(_ node: BinaryExpr, _ lhs: [VectorElement], _ rhs: [VectorElement],
                              at t: Int64) throws(EngineError) -> [VectorElement] {
        let matching = node.matching ?? VectorMatching(cardinality: node.op.isSetOperator ? .manyToMany : .oneToOne)
        switch node.op {
        case .and:
            let keys = Set(rhs.map { signature($0, matching) })
            return lhs.filter { keys.contains(signature($0, matching)) }.map { stamped($0, t) }
        case .unless:
            let keys = Set(rhs.map { signature($0, matching) })
            return lhs.filter { !keys.contains(signature($0, matching)) }.map { stamped($0, t) }
        case .or:
            let keys = Set(lhs.map { signature($0, matching) })
            return (lhs + rhs.filter { !keys.contains(signature($0, matching)) }).map { stamped($0, t) }
        default:
            return try matchArithmetic(node, matching, lhs, rhs, at: t)
        }
    }

    private func matchArithmetic(_ node: BinaryExpr, _ matching: VectorMatching, _ lhs: [VectorElement],
                                 _ rhs: [VectorElement], at t: Int64) throws(EngineError) -> [VectorElement] {
        if matching.cardinality == .manyToMany {
            throw EngineError(.execution, "many-to-many only allowed for set operators")
        }
        // The "one" side is the right one, unless group_right swaps the roles.
        let oneToMany = matching.cardinality == .oneToMany
        let (many, one) = oneToMany ? (rhs, lhs) : (lhs, rhs)
        var oneSide: [Labels: VectorElement] = [:]
        for element in one {
            let key = signature(element, matching)
            if let existing = oneSide[key] {
                let side = oneToMany ? "left" : "right"
                throw EngineError(.execution, "found duplicate series for the match group \(key.goString) on the \(side) hand-side of the operation: [\(existing.labels.goString), \(element.labels.goString)];many-to-many matching not allowed: matching labels must be unique on one side")
            }
            oneSide[key] = element
        }
        var matchedOnce = Set<Labels>()
        var produced = Set<Labels>()
        var out: [VectorElement] = []
        for element in many {
            let key = signature(element, matching)
            guard let partner = oneSide[key] else { continue }
            if matching.cardinality == .oneToOne && !matchedOnce.insert(key).inserted {
                throw EngineError(.execution, "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
            }
            let (left, right) = oneToMany ? (partner, element) : (element, partner)
            var (value, keep) = Self.apply(node.op, left.value, right.value)
            if node.returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            var result = VectorElement(labels: resultLabels(left: left, right: right, node.op, matching),
                                       timestamp: t, value: value)
            result.dropName = (Self.dropsName(node.op) || node.returnBool) ? true : left.dropName
            if matching.cardinality != .oneToOne {
                let identity = result.dropName ? result.labels.removing(Labels.metricName) : result.labels
                if !produced.insert(identity).inserted {
                    throw EngineError(.execution, "multiple matches for labels: grouping labels must ensure unique matches")
                }
            }
            out.append(result)
        }
        return out
    }

    /// Prometheus' resultMetric: the many side's labels, reduced to the matching labels
    /// for one-to-one matches, plus the `group_x` labels taken from the one side.
    private func resultLabels(left: VectorElement, right: VectorElement, _ op: BinaryOperator,
                              _ matching: VectorMatching) -> Labels {
        let oneToMany = matching.cardinality == .oneToMany
        let (manyElement, oneElement) = oneToMany ? (right, left) : (left, right)
        var labels = manyElement.labels
        if matching.cardinality == .oneToOne {
            if matching.on {
                let keep = Set(matching.matchingLabels + (Self.dropsName(op) ? [] : [Labels.metricName]))
                labels = Labels(labels.pairs.filter { keep.contains($0.name) })
            } else {
                let drop = Set(matching.matchingLabels)
                labels = Labels(labels.pairs.filter { !drop.contains($0.name) })
            }
        }
        for name in matching.include {
            labels = labels.setting(name, oneElement.labels[name] ?? "")
        }
        return labels
    }

    /// The labels two elements are matched on: `on(...)` keeps only those, `ignoring(...)`
    /// (and no modifier) drops those and the metric name.
    func signature(_ element: VectorElement, _ matching: VectorMatching) -> Labels {
        if matching.on {
            let keep = Set(matching.matchingLabels)
            return Labels(element.labels.pairs.filter { keep.contains($0.name) })
        }
        let drop = Set(matching.matchingLabels + [Labels.metricName])
        return Labels(element.labels.pairs.filter { !drop.contains($0.name) })
    }
}

extension VectorElement {
    /// Labels as they leave the engine: without the name when it is to be dropped.
    var outputLabels: Labels { dropName ? labels.removing(Labels.metricName) : labels }
}
