import Foundation
import Testing

extension EndToEnd {
    /// Runs Tests/python/test_prometheus_api.py (standard library only, the requests a
    /// Grafana Prometheus data source makes) against a real serve over `APIDataset`; a
    /// failing Python assertion fails this test with the script's output.
    @Suite struct PythonClientTests {
        static let python = "/usr/bin/python3"

        static func scriptPath(file: String = #filePath) -> String {
            // Tests/EndToEndTests/<this file> → Tests/python/test_prometheus_api.py
            var components = file.split(separator: "/", omittingEmptySubsequences: false)
            components.removeLast(2)
            return (components + ["python", "test_prometheus_api.py"]).joined(separator: "/")
        }

        @Test func grafanaLikePythonClient() async throws {
            guard FileManager.default.isExecutableFile(atPath: Self.python) else {
                print("python3 not installed (apt-get install -y python3): skipped the Python client test")
                return
            }
            try await withTemporaryDirectory("api-python") { dir in
                let serve = try await APIServer.start(in: dir)
                defer { serve.terminateIfRunning() }
                let outcome = try await PythonScript.run(
                    python: Self.python, script: Self.scriptPath(),
                    environment: ["MESHSCOPE_URL": serve.baseURL, "MESHSCOPE_DATA_START": String(APIDataset.start / 1000)],
                    outputPath: join(dir, "python.out"), timeout: .seconds(60))
                let (exited, text) = (outcome.exited, outcome.text)
                #expect(exited && outcome.status == 0, "python client test failed:\n\(text)\n\(serve.logTail())")
                #expect(text.contains("OK"), "\(text)")
                try await serve.stop()
            }
        }
    }
}
