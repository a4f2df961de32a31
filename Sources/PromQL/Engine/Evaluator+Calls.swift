import MeshMetrics

extension Evaluator {
    func evalCall(_ call: Call, at t: Int64) throws(EngineError) -> EvalValue {
        let name = call.function.name
        do {
            if let value = try evalEngineFunction(call, at: t) { return value }
            if let rangeFunction = RangeFunctionKind(rawValue: name) {
                return .vector(try evalRangeFunction(rangeFunction, call, at: t))
            }
            if let math = MathFunction(rawValue: name) {
                return .vector(try mapValues(call, at: t) { math.apply($0) })
            }
            if let date = DateFunction(rawValue: name) {
                guard let arg = call.args.first else {
                    return .vector([VectorElement(labels: Labels([]), timestamp: t, value: date.apply(evaluationTime: t))])
                }
                return .vector(try eval(arg, at: t).vector.map { element in
                    VectorElement(labels: element.labels, timestamp: t, value: date.apply(element.value), dropName: true)
                })
            }
            return .vector(try evalVectorFunction(call, at: t))
        } catch let error as EngineError {
            throw error
        } catch let error as FunctionError {
            throw EngineError(.execution, error.message)
        } catch {
            throw EngineError(.execution, "\(error)")
        }
    }

    /// Functions that need the engine itself: time, literals, absence, timestamps.
    private func evalEngineFunction(_ call: Call, at t: Int64) throws -> EvalValue? {
        switch call.function.name {
        case "time":
            return .scalar(Double(t) / 1000)
        case "pi":
            return .scalar(Double.pi)
        case "vector":
            return .vector([VectorElement(labels: Labels([]), timestamp: t, value: try eval(call.args[0], at: t).scalar)])
        case "scalar":
            let elements = try eval(call.args[0], at: t).vector
            return .scalar(elements.count == 1 ? elements[0].value : .nan)
        case "timestamp":
            // On a selector, the samples' own times; on anything else, the evaluation time.
            return .vector(try eval(call.args[0], at: t).vector.map { element in
                VectorElement(labels: element.labels, timestamp: t, value: Double(element.timestamp) / 1000, dropName: true)
            })
        case "absent":
            guard try eval(call.args[0], at: t).vector.isEmpty else { return .vector([]) }
            return .vector([VectorElement(labels: absentLabels(call.args[0]), timestamp: t, value: 1)])
        case "absent_over_time":
            guard try eval(call.args[0], at: t).matrix.isEmpty else { return .vector([]) }
            return .vector([VectorElement(labels: absentLabels(call.args[0]), timestamp: t, value: 1)])
        default:
            return nil
        }
    }

    private func absentLabels(_ expr: Expr) -> Labels {
        switch expr.unwrappingParens {
        case .vectorSelector(let selector): OverTimeFunctions.absentLabels(matchers: selector.matchers)
        case .matrixSelector(let matrix): OverTimeFunctions.absentLabels(matchers: matrix.vectorSelector.matchers)
        default: Labels([])
        }
    }

    /// Applies a value mapping to every element; the metric name is dropped.
    func mapValues(_ call: Call, at t: Int64, _ transform: (Double) -> Double?) throws -> [VectorElement] {
        try eval(call.args[0], at: t).vector.compactMap { element in
            transform(element.value).map {
                VectorElement(labels: element.labels, timestamp: t, value: $0, dropName: true)
            }
        }
    }
}
