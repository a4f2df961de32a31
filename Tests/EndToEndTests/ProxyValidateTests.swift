import Foundation
import Testing

extension EndToEnd {
    /// `meshscope proxy --validate`: every Istio example judged on its own passes with
    /// warnings only; a file with errors fails with each finding named by file, line,
    /// document and field; a proxy refuses to start on it.
    @Suite struct ProxyValidateTests {
        static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance/istio-examples")

        @Test func examplesPassAndErrorsAreNamed() async throws {
            try await withTemporaryDirectory("proxy-validate") { dir in
                let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
                    .filter { $0.hasSuffix(".yaml") }.sorted().map { Self.examples.appendingPathComponent($0).path }
                #expect(files.count >= 60)
                let all = try await MeshScopeCommand.run(["proxy", "--validate"] + files, in: dir)
                #expect(all.status == 0, "\(all.stdout.suffix(2000))\n\(all.stderr)")
                let summaries = all.stdout.split(separator: "\n").filter { $0.hasSuffix("warnings") || $0.contains(" errors, ") }
                #expect(summaries.count == files.count)
                #expect(summaries.allSatisfy { $0.contains(": 0 errors") })

                let bad = join(dir, "bad.yaml")
                try write("""
                    apiVersion: networking.istio.io/v1beta1
                    kind: VirtualService
                    metadata: {name: reviews}
                    spec:
                      hosts: [reviews]
                      http:
                        - retries: {attempts: 3, retryOn: "5xx,sometimes"}
                          route:
                            - {destination: {host: reviews, subset: v1}, weight: 60}
                            - {destination: {host: reviews, subset: v2}, weight: 30}
                    """, to: bad)
                let refused = try await MeshScopeCommand.run(["proxy", "--validate", bad], in: dir)
                #expect(refused.status == 1)
                #expect(refused.stdout.contains("bad.yaml:") && refused.stdout.contains("error: VirtualService reviews"), "\(refused.stdout)")
                #expect(refused.stdout.contains("add up to 90"), "\(refused.stdout)")
                #expect(refused.stdout.contains("sometimes"), "\(refused.stdout)")
                // Serving on it is refused before any listener opens.
                let serving = try await MeshScopeCommand.run(["proxy", bad], in: dir, timeout: .seconds(20))
                #expect(serving.status != 0 && serving.stderr.contains("add up to 90"), "\(serving.stderr)")
            }
        }
    }
}
