/// The `expect` lines (and deprecated `eval_*` variants) of one eval.
public struct EvalExpectations: Sendable, Hashable {
    /// Non-empty: the query must fail and the error must satisfy every matcher
    /// (`expect fail`, `eval_fail`, `expected_fail_message`, `expected_fail_regexp`).
    public var fail: [MessageMatcher] = []
    /// `expect warn ...`: each must match some warning, and every warning must match one.
    public var warnings: [MessageMatcher] = []
    /// `expect info ...`: the same for info annotations.
    public var infos: [MessageMatcher] = []
    /// `eval_warn` / `eval_info`: at least one annotation of that kind.
    public var requiresWarning = false
    public var requiresInfo = false
    /// `expect no_warn` / `expect no_info`.
    public var noWarnings = false
    public var noInfos = false
    /// `expect ordered` / `eval_ordered`: vector results must come in the listed order.
    public var ordered = false

    public init() {}

    public var mustFail: Bool { !fail.isEmpty }

    public var hasAnnotationExpectations: Bool {
        !warnings.isEmpty || !infos.isEmpty || requiresWarning || requiresInfo || noWarnings || noInfos
    }
}
