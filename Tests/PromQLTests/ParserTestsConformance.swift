import Foundation
import Testing
import PromQL

/// Every query of Prometheus' conformance scripts (`shared/conformance/promql/*.test`,
/// beside the repository) that MeshScope has in scope must parse and survive a
/// rendering round trip.
@Suite struct ParserConformanceTests {
    static let inScopeFiles = [
        "aggregators", "at_modifier", "collision", "functions", "histograms", "limit", "literals",
        "name_label_dropping", "operators", "range_queries", "selectors", "staleness", "subquery", "trig_functions",
    ]
    static let outOfScopeFiles = [
        "native_histograms", "info", "type_and_unit", "start_timestamps", "fill-modifier", "extended_vectors",
        "duration_expression",
    ]

    /// The in-scope evals marked `expect fail` (or `eval_fail`). All of them fail in
    /// Prometheus' evaluation, not its parser, so they must parse here too.
    static let evaluationFailures: Set<String> = [
        "topk(NaN, non_existent)",
        "limitk(NaN, non_existent)",
        "limit_ratio(NaN, non_existent)",
        #"count_values("a\xc5z", version)"#,
        "ceil({__name__=~'testmetric1|testmetric2'})",
        #"label_replace(testmetric, "dst", "value-$1", "src", "(.*")"#,
        #"label_replace(testmetric, "\xff", "", "src", "(.*)")"#,
        #"label_replace(testmetric, "src", "", "", "")"#,
        #"label_join(dup, "label", "", "this")"#,
        "changes({__name__=~'testmetric1|testmetric2'}[5m])",
        #"label_replace(overlap, "idx", "same", "idx", ".*")"#,
        #"label_join(overlap, "idx", ",", "label", "label")"#,
        #"histogram_quantiles(testhistogram3, "start", 0, 0.25, 0.5, 0.75, 1)"#,
        #"histogram_quantiles(testhistogram3_bucket, "start", 0, 0.25, 0.5, 0.75, 1)"#,
        #"histogram_quantile(0.99, {__name__=~"request_duration_seconds\\d*_bucket"})"#,
        #"histogram_quantiles({__name__=~"request_duration_seconds\\d*_bucket"}, "q", 0.99)"#,
        #"histogram_quantile(0.99, {__name__=~"request_duration_seconds\\d*"})"#,
        #"histogram_quantiles({__name__=~"request_duration_seconds\\d*"}, "q", 0.99)"#,
        #"sum by (__name__) (rate({env="1"}[10m]))"#,
        "many_side > on(job) one_side",
        "many_side >= on(job) one_side",
        "many_side <= on(job) one_side",
        "-{__name__=~'testmetric1|testmetric2'}",
        #"-{job="api"}"#,
        "scalar_metric > on() dup_metric",
    ]

    /// Why an out-of-scope query may be rejected: the experimental syntax it uses.
    static let outOfScopeReasons = [
        "experimental duration expression is not enabled",  // [5m+1m], offset step()
        "anchored modifier is experimental and not enabled",
        "smoothed modifier is experimental and not enabled",
        "binop fill modifiers are experimental and not enabled",
        "unexpected <op:/>",  // native histogram trim operators `</` and `>/`
        #"unknown function with name "start_timestamp""#,
        #"in offset, expected number, duration, step(), or range()"#,  // offset min_of(...)
        "unexpected character in duration expression",  // [min_of(...)]
    ]

    struct Eval: CustomStringConvertible {
        var file: String
        var line: Int
        var query: String
        var expectFail: Bool
        var description: String { "\(file).test:\(line): \(query)" }
    }

    static func directory() -> URL? {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let directory = here.appendingPathComponent("../../../shared/conformance/promql").standardizedFileURL
        return FileManager.default.fileExists(atPath: directory.path) ? directory : nil
    }

    /// The `eval` commands of a script: `eval instant at T Q`, `eval range from A to B
    /// step S Q` (and the deprecated `eval_fail`/`eval_ordered` forms), with whether an
    /// `expect fail` line follows.
    static func evals(in file: String) throws -> [Eval] {
        guard let directory = directory() else { return [] }
        let text = try String(contentsOf: directory.appendingPathComponent(file + ".test"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var evals: [Eval] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("eval") {
            var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count > 1 else { continue }
            let command = words.removeFirst()
            let header = words.first == "instant" ? 3 : 7  // instant at T | range from A to B step S
            guard words.count > header else { continue }
            let prefix = ([command] + words.prefix(header)).joined(separator: " ")
            guard let start = line.range(of: prefix)?.upperBound else { continue }
            let query = line[start...].trimmingCharacters(in: .whitespaces)
            var expectFail = command == "eval_fail"
            var next = index + 1
            while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("expect") {
                if lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("expect fail") { expectFail = true }
                next += 1
            }
            evals.append(Eval(file: file, line: index + 1, query: query, expectFail: expectFail))
        }
        return evals
    }

    @Test func scriptsAreThere() throws {
        #expect(Self.directory() != nil, "shared/conformance/promql not found beside the repository")
        let count = try Self.inScopeFiles.reduce(0) { $0 + (try Self.evals(in: $1)).count }
        #expect(count > 1200)
    }

    @Test(arguments: inScopeFiles)
    func inScopeQueriesParse(file: String) throws {
        let evals = try Self.evals(in: file)
        #expect(!evals.isEmpty)
        for eval in evals {
            do {
                _ = try PromQLParser.parse(eval.query)
            } catch {
                Issue.record("\(eval): \(error)")
            }
            if eval.expectFail {
                #expect(Self.evaluationFailures.contains(eval.query), "unlisted expect fail: \(eval)")
            }
        }
    }

    @Test(arguments: inScopeFiles)
    func roundTrip(file: String) throws {
        for eval in try Self.evals(in: file) {
            guard let expr = try? PromQLParser.parse(eval.query) else { continue }
            let rendering = expr.description
            do {
                let again = try PromQLParser.parse(rendering)
                #expect(again == expr, "\(eval) renders as \(rendering)")
                #expect(again.description == rendering, "\(eval)")
                #expect(again.type == expr.type, "\(eval)")
            } catch {
                Issue.record("\(eval) renders as \(rendering), which fails: \(error)")
            }
        }
    }

    @Test func outOfScopeQueriesParseOrNameTheirFeature() throws {
        var parsed = 0
        for file in Self.outOfScopeFiles {
            for eval in try Self.evals(in: file) {
                do {
                    let expr = try PromQLParser.parse(eval.query)
                    #expect(try PromQLParser.parse(expr.description) == expr, "\(eval)")
                    parsed += 1
                } catch {
                    let known = Self.outOfScopeReasons.contains { error.message.contains($0) }
                    #expect(known, "\(eval): \(error)")
                }
            }
        }
        #expect(parsed > 500)
    }
}
