import MeshMetrics

/// The canonical rendering, byte for byte what Prometheus' `Expr.String()` prints:
/// `sum by (job) (rate(x{a="b"}[5m] offset 1m))`. Parsing it gives back an equal tree.
extension Expr: CustomStringConvertible {
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the rendering. Cases bind nothing here and each writer unpacks its own
    /// node, which keeps the recursion's stack frames small for deep trees.
    func write(to out: inout String) {
        switch self {
        case .number, .string, .vectorSelector, .matrixSelector: writeLeaf(to: &out)
        case .subquery: writeSubquery(to: &out)
        case .unary: writeUnary(to: &out)
        case .binary: writeBinary(to: &out)
        case .aggregate: writeAggregate(to: &out)
        case .call: writeCall(to: &out)
        case .paren: writeParen(to: &out)
        }
    }

    private func writeLeaf(to out: inout String) {
        switch self {
        case .number(let node):
            out += Expr.render(node)
        case .string(let node):
            out += GoQuote.quote(node.bytes)
        case .vectorSelector(let node):
            Expr.write(node, modifiers: true, to: &out)
        case .matrixSelector(let node):
            Expr.write(node.vectorSelector, modifiers: false, to: &out)
            out += "[" + DurationFormat.string(milliseconds: node.range) + "]"
            Expr.writeModifiers(at: node.vectorSelector.at, offset: node.vectorSelector.offset, to: &out)
        default:
            break
        }
    }

    private func writeSubquery(to out: inout String) {
        guard case .subquery(let node) = self else { return }
        node.expr.write(to: &out)
        Expr.writeSuffix(node, to: &out)
    }

    private static func writeSuffix(_ node: SubqueryExpr, to out: inout String) {
        out += "[" + DurationFormat.string(milliseconds: node.range) + ":"
        if let step = node.step { out += DurationFormat.string(milliseconds: step) }
        out += "]"
        writeModifiers(at: node.at, offset: node.offset, to: &out)
    }

    private func writeUnary(to out: inout String) {
        guard case .unary(let node) = self else { return }
        out += node.op.rawValue
        node.expr.write(to: &out)
    }

    private func writeBinary(to out: inout String) {
        guard case .binary(let node) = self else { return }
        node.lhs.write(to: &out)
        Expr.writeOperator(node, to: &out)
        node.rhs.write(to: &out)
    }

    /// ` op[ bool][ on (...)][ group_x (...)] ` between the operands.
    private static func writeOperator(_ node: BinaryExpr, to out: inout String) {
        out += " " + node.op.rawValue + (node.returnBool ? " bool" : "")
        if let matching = node.matching { out += matching.description }
        out += " "
    }

    private func writeAggregate(to out: inout String) {
        guard case .aggregate(let node) = self else { return }
        Expr.writeAggregatePrefix(node, to: &out)
        if let param = node.param {
            param.write(to: &out)
            out += ", "
        }
        node.expr.write(to: &out)
        out += ")"
    }

    /// `op by (labels) (`, `op without (labels) (` or `op(`.
    private static func writeAggregatePrefix(_ node: AggregateExpr, to out: inout String) {
        out += node.op.rawValue
        if node.without {
            out += " without (" + LabelNames.render(node.grouping) + ") "
        } else if !node.grouping.isEmpty {
            out += " by (" + LabelNames.render(node.grouping) + ") "
        }
        out += "("
    }

    private func writeCall(to out: inout String) {
        guard case .call(let node) = self else { return }
        out += node.function.name
        out += "("
        for (index, arg) in node.args.enumerated() {
            if index > 0 { out += ", " }
            arg.write(to: &out)
        }
        out += ")"
    }

    private func writeParen(to out: inout String) {
        guard case .paren(let node) = self else { return }
        out += "("
        node.expr.write(to: &out)
        out += ")"
    }

    static func render(_ node: NumberLiteral) -> String {
        guard node.isDuration, node.value.isFinite else { return FloatFormat.fixed(node.value) }
        // As Go's model.Duration(seconds * 1e9): nanoseconds truncated, printed to the ms.
        let milliseconds = Int64(clamping: nanoseconds(node.value.magnitude) / 1_000_000)
        return (node.value < 0 ? "-" : "") + DurationFormat.string(milliseconds: milliseconds)
    }

    /// `seconds × 1e9` truncated to an integer, saturating instead of trapping.
    static func nanoseconds(_ seconds: Double) -> Int64 {
        let value = (seconds * 1e9).rounded(.towardZero)
        if value.isNaN { return 0 }
        if value >= 9.223372036854775807e18 { return .max }
        if value <= -9.223372036854775808e18 { return .min }
        return Int64(value)
    }

    /// The selector's name and sorted matchers; its `@` and `offset` when `modifiers`.
    static func write(_ node: VectorSelector, modifiers: Bool, to out: inout String) {
        let name = node.name ?? ""
        var rendered: [String] = []
        for matcher in node.matchers {
            // The name written before the braces is not repeated inside them.
            if matcher.name == Labels.metricName, matcher.kind == .equal, matcher.value == name, !name.isEmpty {
                continue
            }
            rendered.append(LabelNames.renderMatcher(matcher))
        }
        out += name
        if !rendered.isEmpty {
            // Go's sort.Strings compares bytes.
            rendered.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            out += "{" + rendered.joined(separator: ",") + "}"
        }
        if modifiers { writeModifiers(at: node.at, offset: node.offset, to: &out) }
    }

    static func writeModifiers(at: AtModifier?, offset: Int64, to out: inout String) {
        if let at { out += at.description }
        if offset > 0 {
            out += " offset " + DurationFormat.string(milliseconds: offset)
        } else if offset < 0 {
            out += " offset -" + DurationFormat.string(milliseconds: Int64(clamping: offset.magnitude))
        }
    }
}
