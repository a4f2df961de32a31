import Foundation
import Synchronization
@testable import ProxyTelemetry

/// Identities and observations shaped like Bookinfo: productpage calls reviews v2.
enum Fixtures {
    static let productpage = PeerIdentity(
        workload: "productpage-v1", namespace: "default", app: "productpage", version: "v1",
        principal: "spiffe://cluster.local/ns/default/sa/bookinfo-productpage", cluster: "Kubernetes")
    static let reviews = PeerIdentity(
        workload: "reviews-v2", namespace: "default", app: "reviews", version: "v2",
        principal: "spiffe://cluster.local/ns/default/sa/bookinfo-reviews", cluster: "Kubernetes")

    /// 2024-01-02T03:04:05.678Z
    static let start: Int64 = 1_704_164_645_678_000

    static func observation(reporter: Reporter = .destination, code: Int = 200, durationMicros: Int64 = 7_300,
                            flags: [String] = [], requestBytes: Int64 = 0, responseBytes: Int64 = 295,
                            trace: TraceContext? = nil) -> RequestObservation {
        RequestObservation(
            reporter: reporter, source: productpage, destination: reviews,
            destinationServiceHost: "reviews.default.svc.cluster.local",
            responseCode: code, responseFlags: flags,
            connectionSecurityPolicy: reporter == .destination ? .mutualTLS : .unknown,
            startMicros: start, durationMicros: durationMicros, requestBytes: requestBytes, responseBytes: responseBytes,
            method: "GET", path: "/reviews/0?x=1", authority: "reviews:9080", userAgent: "curl/8.0",
            requestId: "84961386-6d84-929d-98bd-c5aee93b5c88", xForwardedFor: "10.44.1.23",
            upstreamHost: reporter == .destination ? "127.0.0.1:9080" : "10.44.1.27:9080",
            upstreamCluster: reporter == .destination ? "inbound|9080||" : "outbound|9080|v2|reviews.default.svc.cluster.local",
            downstreamLocalAddress: "10.44.1.27:9080", downstreamRemoteAddress: "10.44.1.23:37652",
            routeName: "default", responseCodeDetails: "via_upstream", upstreamServiceTimeMillis: 6, trace: trace)
    }

    static let sampledTrace = TraceContext(
        traceId: "463ac35c9f6413ad48485a3953bb6124", spanId: "a2fb4a1d1a96d312",
        parentSpanId: "0020000000000001", sampled: true)
}

/// A deterministic `RandomSource`: hands out the given values in turn, then repeats the last.
final class FixedRandom: RandomSource {
    private let values: Mutex<[UInt64]>
    init(_ values: [UInt64]) { self.values = Mutex(values) }
    func nextUInt64() -> UInt64 {
        values.withLock { v in v.count > 1 ? v.removeFirst() : v[0] }
    }
}

/// Runs a program with `input` on stdin; returns exit status and stdout+stderr. The input
/// is read from a temporary file, so a program that exits before reading it all (promtool
/// on a broken exposition) cannot break a pipe under us.
func runProcess(_ path: String, _ arguments: [String], input: [UInt8]) throws -> (status: Int32, output: [UInt8]) {
    let inputPath = NSTemporaryDirectory() + "meshscope-input-\(UUID().uuidString)"
    try Data(input).write(to: URL(fileURLWithPath: inputPath))
    defer { try? FileManager.default.removeItem(atPath: inputPath) }
    guard let stdin = FileHandle(forReadingAtPath: inputPath) else { throw TestFailure("cannot read \(inputPath)") }
    defer { try? stdin.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, Array(output))
}

/// Inflates a gzip body with the system's `gzip`, an implementation independent of ours.
func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let gzipPath = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let gzipPath else { throw TestFailure("gzip is not installed") }
    let (status, output) = try runProcess(gzipPath, ["-dc"], input: bytes)
    guard status == 0 else { throw TestFailure("gzip -dc failed: \(String(decoding: output, as: UTF8.self))") }
    return output
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
