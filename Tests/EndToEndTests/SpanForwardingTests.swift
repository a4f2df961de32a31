import LoopbackPorts
import Foundation
import Testing
import Traces

extension EndToEnd {
    /// Span forwarding from one MeshScope to a second one acting as the Zipkin-compatible
    /// cluster endpoint: spans posted while the receiver is down wait in the sender's
    /// queue, survive a SIGKILL of the sender, and arrive once the receiver is up; both
    /// encodings are forwarded, and the receiver's traces equal the sender's.
    @Suite struct SpanForwardingTests {
        static func config(receiverZipkinPort: Int) -> String {
            """
            span_forwarding:
              - url: http://127.0.0.1:\(receiverZipkinPort)/api/v2/spans
                name: cluster-json
                remote_timeout: 2s
                queue_config: {batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 300ms, max_spans_per_send: 4}
              - url: http://127.0.0.1:\(receiverZipkinPort)/api/v2/spans
                name: cluster-proto
                encoding: proto3
                remote_timeout: 2s
                queue_config: {batch_send_deadline: 100ms, min_backoff: 50ms, max_backoff: 300ms}
            """
        }

        @Test func spansArriveAcrossAnOutageAndACrash() async throws {
            try await withTemporaryDirectory("span-forwarding") { dir in
                let zipkinPort = try LoopbackPort.free()
                let configPath = join(dir, "sender.yml")
                try write(Self.config(receiverZipkinPort: zipkinPort), to: configPath)
                let senderData = join(dir, "sender")
                let sender = try await ServeProcess.start(dataDir: senderData, config: configPath, workDir: dir)
                defer { sender.terminateIfRunning() }

                // Receiver down: two traces go in, JSON and proto3.
                let start = ZipkinFixtures.nowMicros - 60_000_000
                let first = try ZipkinFixtures.topology("463ac35c9f6413ad48485a3953bb6124", at: start)
                let second = try ZipkinFixtures.topology("1f2e3d4c5b6a79880000000000abcdef", at: start + 1_000, user: "bob")
                try await sender.postJSON(first)
                let proto = try await sender.postSpans(SpanProtoEncoder.encode(second), contentType: "application/x-protobuf")
                #expect(proto.status == 202)
                for name in ["cluster-json", "cluster-proto"] {
                    _ = try await eventually("\(name) to retry", timeout: .seconds(30), every: .milliseconds(100),
                                             context: sender.logTail) {
                        try await (sender.forwardValue("meshscope_forward_items_total", destination: name, outcome: "retried") ?? 0) > 0
                            ? true : nil
                    }
                    #expect(try await sender.forwardValue("meshscope_forward_pending_items", destination: name) == 12)
                }
                await sender.crash()

                // The receiver comes up on the forwarded-to port; the sender restarts on its queue.
                let receiver = try await ServeProcess.start(dataDir: join(dir, "receiver"), config: nil, workDir: dir,
                                                            extraArguments: ["--zipkin-listen", "127.0.0.1:\(zipkinPort)"])
                defer { receiver.terminateIfRunning() }
                let restarted = try await ServeProcess.start(dataDir: senderData, config: configPath, workDir: dir)
                defer { restarted.terminateIfRunning() }
                try await restarted.waitForEmptyQueue("cluster-json")
                try await restarted.waitForEmptyQueue("cluster-proto")
                for name in ["cluster-json", "cluster-proto"] {
                    #expect(try await restarted.forwardValue("meshscope_forward_items_total", destination: name,
                                                             outcome: "delivered") == 12)
                }
                for trace in [first, second] {
                    let id = trace[0].traceId
                    let sent = try #require(try await restarted.trace(id))
                    let received = try #require(try await receiver.trace(id), "trace \(id) reached the receiver")
                    #expect(Set(received) == Set(sent))
                    #expect(Set(received) == ZipkinFixtures.expected(trace))
                }
                print("span forwarding: 12 spans in 2 traces queued at the crash, delivered to both destinations after the restart")
                _ = try await restarted.stop()
                _ = try await receiver.stop()
            }
        }
    }
}
