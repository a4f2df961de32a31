/// Equality and hashing by hand rather than synthesised: the dispatch binds no payloads,
/// so comparing or hashing a deep tree recurses through small stack frames.
extension Expr {
    public static func == (lhs: Expr, rhs: Expr) -> Bool {
        guard lhs.caseIndex == rhs.caseIndex else { return false }
        switch lhs {
        case .number, .string, .vectorSelector, .matrixSelector: return leavesEqual(lhs, rhs)
        case .subquery: return subqueriesEqual(lhs, rhs)
        case .unary: return unariesEqual(lhs, rhs)
        case .binary: return binariesEqual(lhs, rhs)
        case .aggregate: return aggregatesEqual(lhs, rhs)
        case .call: return callsEqual(lhs, rhs)
        case .paren: return parensEqual(lhs, rhs)
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(caseIndex)
        switch self {
        case .number, .string, .vectorSelector, .matrixSelector: hashLeaf(into: &hasher)
        case .subquery, .unary, .paren: hashWrapper(into: &hasher)
        case .binary: hashBinary(into: &hasher)
        case .aggregate: hashAggregate(into: &hasher)
        case .call: hashCall(into: &hasher)
        }
    }

    private var caseIndex: Int {
        switch self {
        case .number: 0
        case .string: 1
        case .vectorSelector: 2
        case .matrixSelector: 3
        case .subquery: 4
        case .unary: 5
        case .binary: 6
        case .aggregate: 7
        case .call: 8
        case .paren: 9
        }
    }

    private static func leavesEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.vectorSelector(let a), .vectorSelector(let b)): a == b
        case (.matrixSelector(let a), .matrixSelector(let b)): a == b
        default: false
        }
    }

    private static func subqueriesEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .subquery(let a) = lhs, case .subquery(let b) = rhs else { return false }
        return a == b
    }

    private static func unariesEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .unary(let a) = lhs, case .unary(let b) = rhs else { return false }
        return a == b
    }

    private static func binariesEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .binary(let a) = lhs, case .binary(let b) = rhs else { return false }
        return a == b
    }

    private static func aggregatesEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .aggregate(let a) = lhs, case .aggregate(let b) = rhs else { return false }
        return a == b
    }

    private static func callsEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .call(let a) = lhs, case .call(let b) = rhs else { return false }
        return a == b
    }

    private static func parensEqual(_ lhs: Expr, _ rhs: Expr) -> Bool {
        guard case .paren(let a) = lhs, case .paren(let b) = rhs else { return false }
        return a == b
    }

    private func hashLeaf(into hasher: inout Hasher) {
        switch self {
        case .number(let node): hasher.combine(node)
        case .string(let node): hasher.combine(node)
        case .vectorSelector(let node): hasher.combine(node)
        case .matrixSelector(let node): hasher.combine(node)
        default: break
        }
    }

    private func hashWrapper(into hasher: inout Hasher) {
        switch self {
        case .subquery(let node): hasher.combine(node)
        case .unary(let node): hasher.combine(node)
        case .paren(let node): hasher.combine(node)
        default: break
        }
    }

    private func hashBinary(into hasher: inout Hasher) {
        guard case .binary(let node) = self else { return }
        hasher.combine(node)
    }

    private func hashAggregate(into hasher: inout Hasher) {
        guard case .aggregate(let node) = self else { return }
        hasher.combine(node)
    }

    private func hashCall(into hasher: inout Hasher) {
        guard case .call(let node) = self else { return }
        hasher.combine(node)
    }
}
