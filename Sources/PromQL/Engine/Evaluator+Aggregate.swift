import MeshMetrics

extension Evaluator {
    func evalAggregate(_ node: AggregateExpr, at t: Int64) throws(EngineError) -> [VectorElement] {
        let param = try node.param.map { expr throws(EngineError) in try eval(expr, at: t) }
        let elements = try eval(node.expr, at: t).vector
        var functionAnnotations = FunctionAnnotations()
        defer { record(functionAnnotations) }
        do {
            switch node.op {
            case .topk, .bottomk, .limitk:
                let k = try SelectionAggregations.kParameter(param?.scalar ?? .nan)
                guard k >= 1 else { return [] }
                return groups(elements, node).flatMap { _, members in
                    let limit = Int(min(k, Int64(members.count)))
                    let chosen: [VectorElement] = switch node.op {
                    case .topk: SelectionAggregations.topk(limit, members)
                    case .bottomk: SelectionAggregations.bottomk(limit, members)
                    default: SelectionAggregations.limitk(limit, members)
                    }
                    return chosen.map { stamped($0, t) }
                }
            case .limitRatio:
                let ratio = try SelectionAggregations.ratioParameter(param?.scalar ?? .nan, annotations: &functionAnnotations)
                guard ratio != 0 else { return [] }
                return SelectionAggregations.limitRatio(ratio, elements).map { stamped($0, t) }
            case .countValues:
                return try SelectionAggregations.countValues(elements, valueLabel: param?.string ?? "",
                                                             grouping: node.grouping, without: node.without)
                    .map { VectorElement(labels: $0.labels, timestamp: t, value: $0.value) }
            default:
                return try valueAggregation(node, elements, param: param?.scalar, at: t, annotations: &functionAnnotations)
            }
        } catch {
            throw EngineError(.execution, error.description)
        }
    }

    private func valueAggregation(_ node: AggregateExpr, _ elements: [VectorElement], param: Double?, at t: Int64,
                                  annotations: inout FunctionAnnotations) throws(FunctionError) -> [VectorElement] {
        let op: AggregationOperator = switch node.op {
        case .sum: .sum
        case .avg: .avg
        case .count: .count
        case .group: .group
        case .min: .min
        case .max: .max
        case .stddev: .stddev
        case .stdvar: .stdvar
        default: .quantile
        }
        if op == .quantile { annotations.add(.invalidQuantileIfNeeded(param ?? .nan)) }
        let grouping = groupIndices(elements, node)
        var values = [[Double]](repeating: [], count: grouping.keys.count)
        var dropName = [Bool](repeating: false, count: grouping.keys.count)
        for (element, group) in zip(elements, grouping.groupOfElement) {
            values[group].append(element.value)
            // Grouping by a name that is still to be dropped keeps the drop pending.
            if element.dropName { dropName[group] = true }
        }
        return grouping.keys.indices.compactMap { group in
            guard let value = Aggregations.aggregate(op, values[group], quantile: param ?? .nan) else { return nil }
            return VectorElement(labels: grouping.keys[group], timestamp: t, value: value, dropName: dropName[group])
        }
    }

    /// Elements grouped by their output labels, groups in first-seen order. A name that
    /// is only marked for dropping still partitions `by (__name__)` (Prometheus 3's
    /// delayed name removal).
    private func groups(_ elements: [VectorElement], _ node: AggregateExpr) -> [(Labels, [VectorElement])] {
        let grouping = groupIndices(elements, node)
        var members = [[VectorElement]](repeating: [], count: grouping.keys.count)
        for (element, group) in zip(elements, grouping.groupOfElement) {
            members[group].append(element)
        }
        return Array(zip(grouping.keys, members))
    }

    /// The group of every element and the groups' keys in first-seen order. A range
    /// query feeds an aggregation the same series in the same order at every step, so
    /// when the input label sets are those of the previous step (usually the very same
    /// storage, so the check is an identity test) the grouping is reused as it was.
    private func groupIndices(_ elements: [VectorElement], _ node: AggregateExpr) -> AggregationGrouping {
        let id = node.positionRange.start
        if let previous = groupingCache[id], previous.inputs.count == elements.count,
           zip(previous.inputs, elements).allSatisfy({ $0 == $1.labels }) {
            return previous
        }
        var keys: [Labels] = []
        var indexOfKey: [Labels: Int] = [:]
        var groupOfElement: [Int] = []
        groupOfElement.reserveCapacity(elements.count)
        for element in elements {
            let key = Aggregations.groupingLabels(element.labels, grouping: node.grouping, without: node.without)
            if let index = indexOfKey[key] {
                groupOfElement.append(index)
            } else {
                indexOfKey[key] = keys.count
                groupOfElement.append(keys.count)
                keys.append(key)
            }
        }
        let grouping = AggregationGrouping(inputs: elements.map(\.labels), keys: keys, groupOfElement: groupOfElement)
        groupingCache[id] = grouping
        return grouping
    }

    func record(_ functionAnnotations: FunctionAnnotations) {
        for item in functionAnnotations {
            switch item.kind {
            case .warning: annotations.warn(item.message)
            case .info: annotations.info(item.message)
            }
        }
    }

    func stamped(_ element: VectorElement, _ t: Int64) -> VectorElement {
        var copy = element
        copy.timestamp = t
        return copy
    }
}

/// How one step's input vector splits into aggregation groups.
struct AggregationGrouping {
    var inputs: [Labels]
    var keys: [Labels]
    var groupOfElement: [Int]
}
