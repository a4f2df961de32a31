import Foundation
import Testing

extension EndToEnd {
    /// `POST /-/reload` and SIGHUP re-read the config file: a new job is scraped, a
    /// removed one stops (and leaves `/federate`), and a broken file is rejected with
    /// its line while the running targets keep being scraped.
    @Suite struct ConfigReloadTests {
        @Test func reloadByHTTPAndSIGHUP() async throws {
            try await withTemporaryDirectory("reload") { dir in
                let fixture = try await FixtureTarget.start()
                defer { fixture.cancel() }
                let config = join(dir, "meshscope.yaml")
                let alpha = JobConfig(name: "alpha", targets: [fixture.address], path: "/text")
                let beta = JobConfig(name: "beta", targets: [fixture.address], path: "/openmetrics")
                let gamma = JobConfig(name: "gamma", targets: [fixture.address], path: "/gzip")
                try write(configYAML([alpha]), to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                try await waitUntilUp(serve, "alpha")

                // 1. Add a job, reload over HTTP.
                try write(configYAML([alpha, beta]), to: config)
                let reloaded = try await HTTP.post(serve.baseURL + "/-/reload")
                #expect(reloaded.status == 200, "reload: \(reloaded.text)")
                try await waitUntilUp(serve, "beta")
                #expect(fixture.requests("/openmetrics") > 0)

                // 2. A bad duration: rejected with the file's line; the old targets stay.
                var broken = configYAML([alpha, beta])
                broken = broken.replacingOccurrences(of: "scrape_interval: 1s\n    metrics_path: /openmetrics",
                                                     with: "scrape_interval: 1x\n    metrics_path: /openmetrics")
                let badLine = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("1x") }) + 1
                try write(broken, to: config)
                let rejected = try await HTTP.post(serve.baseURL + "/-/reload")
                #expect(rejected.status == 500)
                #expect(rejected.text.contains("meshscope.yaml:\(badLine):"), "names line \(badLine): \(rejected.text)")
                #expect(rejected.text.contains("scrape_interval"), "\(rejected.text)")
                let (alphaBefore, betaBefore) = (fixture.requests("/text"), fixture.requests("/openmetrics"))
                _ = try await eventually("alpha and beta still scraped after the rejected reload", context: serve.logTail) {
                    fixture.requests("/text") >= alphaBefore + 2 && fixture.requests("/openmetrics") >= betaBefore + 2 ? true : nil
                }
                #expect(try await serve.up(job: "beta") == 1)

                // 3. SIGHUP: beta replaced by gamma.
                try write(configYAML([alpha, gamma]), to: config)
                serve.signal(SIGHUP)
                try await waitUntilUp(serve, "gamma")
                _ = try await eventually("beta's series to leave /federate", context: serve.logTail) {
                    try await serve.federate(#"{job="beta"}"#).samples.isEmpty ? true : nil
                }
                let betaStopped = fixture.requests("/openmetrics")
                try await Task.sleep(for: .milliseconds(1_500))
                #expect(fixture.requests("/openmetrics") == betaStopped, "a removed job is no longer scraped")

                // 4. SIGHUP with a broken file: logged, nothing else changes.
                try write("scrape_configs:\n  - job_name: alpha\n    scrape_timeout: soon\n", to: config)
                serve.signal(SIGHUP)
                _ = try await eventually("the rejected SIGHUP reload in the log", context: serve.logTail) {
                    serve.logs.contains("config reload rejected") ? true : nil
                }
                let gammaBefore = fixture.requests("/gzip")
                _ = try await eventually("gamma still scraped", context: serve.logTail) {
                    fixture.requests("/gzip") >= gammaBefore + 2 ? true : nil
                }
                #expect(serve.isRunning)
                #expect(try await serve.stop() == 0)
            }
        }

        private func waitUntilUp(_ serve: ServeProcess, _ job: String) async throws {
            _ = try await eventually("up{job=\"\(job)\"} == 1", context: serve.logTail) {
                try await serve.up(job: job) == 1 ? true : nil
            }
        }
    }
}
