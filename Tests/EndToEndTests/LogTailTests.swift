import Foundation
import Testing

extension EndToEnd {
    /// `access_logs` files followed by a real serve: every line stored exactly once across
    /// rotation by rename, copytruncate, a partial last line and restarts.
    @Suite struct LogTailTests {
        @Test func followedFileKeepsEveryLineOnceAcrossRotationAndRestart() async throws {
            try await withTemporaryDirectory("logs-tail") { dir in
                let logPath = join(dir, "reviews.log")
                let config = join(dir, "meshscope.yaml")
                try write("access_logs:\n  - path: \(logPath)\n    service: reviews\n", to: config)
                let data = join(dir, "data")
                var serve = try await ServeProcess.start(dataDir: data, config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                var written: [String] = []
                func append(_ ids: ClosedRange<Int>, to path: String = logPath, newline: Bool = true) throws {
                    let text = ids.map { LogLines.istio(requestId: "t-\($0)", cluster: "inbound|9080||") }.joined(separator: "\n")
                        + (newline ? "\n" : "")
                    if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
                    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data(text.utf8))
                    try handle.close()
                    written += ids.map { "t-\($0)" }
                }
                func stored() async throws -> [String] {
                    try await serve.allLogRecords("?limit=1000").compactMap { $0["request_id"] as? String }
                }
                func waitForAll(_ label: String) async throws {
                    let expected = Set(written)
                    _ = try await eventually(label, timeout: .seconds(20),
                                             context: { "expected \(expected.count) records\n\(serve.logTail())" }) { () async throws -> Bool? in
                        let ids = try await stored()
                        return Set(ids) == expected && ids.count == expected.count ? true : nil
                    }
                }

                // The file exists before start, then grows; a partial last line waits for its newline.
                try append(1...50)
                try await waitForAll("initial")
                try append(51...51, newline: false)
                try await Task.sleep(for: .milliseconds(600))
                #expect(try await stored().count == 50, "a line without its newline is not stored yet")
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n".utf8))
                try handle.close()
                try await waitForAll("partial line completed")

                // Rotation by rename: lines written to the old file after the rename still count.
                try FileManager.default.moveItem(atPath: logPath, toPath: logPath + ".1")
                try append(52...60, to: logPath + ".1")
                try append(61...80)
                try await waitForAll("rename rotation")

                // copytruncate: the same inode emptied (in place, not replaced) and written again.
                let truncating = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
                try truncating.truncate(atOffset: 0)
                try truncating.close()
                try await Task.sleep(for: .milliseconds(400))
                try append(81...100)
                try await waitForAll("truncation")

                // Restart mid-file: stop, write more, start again — nothing lost, nothing twice.
                #expect(try await serve.stop() == 0)
                try append(101...130)
                serve = try await ServeProcess.start(dataDir: data, config: config, workDir: dir)
                try await waitForAll("restart")
                // Records name the file's service as their destination (inbound cluster).
                let reviews = try await serve.allLogRecords("?destination=reviews&limit=1000")
                #expect(reviews.count == written.count)
                // A killed collector also resumes exactly.
                try append(131...160)
                try await waitForAll("before kill")
                await serve.crash()
                try append(161...170)
                serve = try await ServeProcess.start(dataDir: data, config: config, workDir: dir)
                try await waitForAll("after kill")
                #expect(try await serve.stop() == 0)
            }
        }
    }
}
