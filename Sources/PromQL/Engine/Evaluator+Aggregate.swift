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
        return groups(elements, node).compactMap { key, members in
            guard let value = Aggregations.aggregate(op, members.map(\.value), quantile: param ?? .nan) else { return nil }
            // Grouping by a name that is still to be dropped keeps the drop pending.
            return VectorElement(labels: key, timestamp: t, value: value, dropName: members.contains { $0.dropName })
        }
    }

    /// Elements grouped by their output labels, groups in first-seen order. A name that
    /// is only marked for dropping still partitions `by (__name__)` (Prometheus 3's
    /// delayed name removal).
    private func groups(_ elements: [VectorElement], _ node: AggregateExpr) -> [(Labels, [VectorElement])] {
        var order: [Labels] = []
        var members: [Labels: [VectorElement]] = [:]
        for element in elements {
            let key = Aggregations.groupingLabels(element.labels, grouping: node.grouping, without: node.without)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(element)
        }
        return order.map { ($0, members[$0]!) }
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
