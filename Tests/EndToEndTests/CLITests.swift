import Foundation
import MeshMetrics
import Storage
import Testing

extension EndToEnd {
    /// The command line: usage errors exit 2 with one line on stderr; `import` refuses a
    /// directory held by serve, stops at a malformed line keeping what came before, and
    /// is idempotent.
    @Suite struct CLITests {
        @Test func usageErrorsExitTwoWithOneLine() async throws {
            try await withTemporaryDirectory("cli") { dir in
                let cases: [(arguments: [String], mentions: String)] = [
                    (["serve", "--no-such-flag"], "--no-such-flag"),
                    (["serve", "--retention", "5x", "--data-dir", join(dir, "never")], "retention"),
                    (["serve", "--retention", "0s", "--data-dir", join(dir, "never")], "retention"),
                    (["import", "--bogus", "file.om"], "--bogus"),
                ]
                for (arguments, mentions) in cases {
                    let outcome = try await MeshScopeCommand.run(arguments, in: dir)
                    #expect(outcome.status == 2, "\(arguments): exit \(outcome.status), stderr: \(outcome.stderr)")
                    #expect(outcome.stderrLines.count == 1, "\(arguments): one line, got:\n\(outcome.stderr)")
                    #expect(outcome.stderr.contains(mentions), "\(arguments): \(outcome.stderr)")
                }
                #expect(!FileManager.default.fileExists(atPath: join(dir, "never")), "bad flags touch no disk")
                let version = try await MeshScopeCommand.run(["version"], in: dir)
                #expect(version.status == 0 && version.stdout.hasPrefix("meshscope "))
            }
        }

        @Test func longRetentionAcceptedAndImportRefusedWhileServing() async throws {
            try await withTemporaryDirectory("cli-lock") { dir in
                let dataDir = join(dir, "data")
                let serve = try await ServeProcess.start(dataDir: dataDir, config: nil, workDir: dir,
                                                         extraArguments: ["--retention", "5000d"])
                defer { serve.terminateIfRunning() }
                #expect(serve.logs.contains("retention=5000d"), "\(serve.logTail())")
                let file = join(dir, "one.om")
                try write("# TYPE x gauge\nx 1 1700000000\n# EOF\n", to: file)
                let refused = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(refused.status != 0)
                #expect(refused.stderr.contains("in use"), "\(refused.stderr)")
                let second = try await MeshScopeCommand.run(["serve", "--data-dir", dataDir, "--listen", "127.0.0.1:0"], in: dir)
                #expect(second.status != 0 && second.stderr.contains("in use"), "a second serve is refused: \(second.stderr)")
                #expect(try await serve.stop() == 0)
                let accepted = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(accepted.status == 0, "import after serve stopped: \(accepted.stderr)")
            }
        }

        @Test func importStopsAtMalformedLineAndIsIdempotent() async throws {
            try await withTemporaryDirectory("cli-import") { dir in
                let dataDir = join(dir, "data")
                let start = Int64(Date().timeIntervalSince1970) - 3_600
                var lines = ["# HELP import_gauge An imported gauge.", "# TYPE import_gauge gauge"]
                for host in ["h1", "h2", "h3"] {
                    for step in 0..<40 {
                        lines.append("import_gauge{host=\"\(host)\"} \(step) \(start + Int64(step) * 15)")
                    }
                }
                lines.append("# EOF")
                // Line 2 + 40 (h1) + 25 (h2): h2's 26th sample is line 68.
                let badLine = 2 + 40 + 25 + 1
                let goodText = lines.joined(separator: "\n") + "\n"
                var broken = lines
                broken[badLine - 1] = #"import_gauge{host="h2" 25 "# + String(start + 25 * 15)
                let file = join(dir, "fixture.om")
                try write(broken.joined(separator: "\n") + "\n", to: file)

                let failed = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(failed.status != 0)
                let message = failed.stderrLines.last { $0.hasPrefix("meshscope:") } ?? ""
                #expect(message.contains("line \(badLine)"), "names line \(badLine): \(failed.stderr)")
                try checkStored(dataDir, expected: ["h1": 40, "h2": 25, "h3": 0])

                try write(goodText, to: file)
                let fixed = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(fixed.status == 0, "\(fixed.stderr)")
                #expect(fixed.stdout.contains("imported 55 samples"), "\(fixed.stdout)")
                #expect(fixed.stdout.contains("skipped 65 already stored"), "\(fixed.stdout)")
                try checkStored(dataDir, expected: ["h1": 40, "h2": 40, "h3": 40])

                let again = try await MeshScopeCommand.run(["import", "--data-dir", dataDir, file], in: dir)
                #expect(again.status == 0 && again.stdout.contains("imported 0 samples"), "\(again.stdout)")
                try checkStored(dataDir, expected: ["h1": 40, "h2": 40, "h3": 40])
                #expect(try StoredData.samplesInChunks(dataDir) == 120, "no sample stored twice")
                #expect(try StoredData.duplicateSamples(dataDir) == 0)
            }
        }

        private func checkStored(_ dataDir: String, expected: [String: Int]) throws {
            let stored = try StoredData(dataDir)
            for (host, count) in expected {
                let samples = try stored.series("import_gauge{host=\"\(host)\"}").first?.samples ?? []
                #expect(samples.count == count, "\(host): \(samples.count) samples, expected \(count)")
                #expect(samples.map(\.value) == (0..<count).map(Double.init))
                #expect(samples.timestampsStrictlyIncrease)
            }
            #expect(try stored.store.reader.metadata()["import_gauge"]?.type == .gauge)
        }
    }
}
