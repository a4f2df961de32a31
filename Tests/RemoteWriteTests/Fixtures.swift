import MeshMetrics
@testable import RemoteWrite

/// Shared payloads and helpers for the RemoteWrite tests.
enum Fixtures {
    /// Parses "0a 1b ..." (whitespace ignored) into bytes.
    static func hex(_ s: String) -> [UInt8] {
        let digits = s.filter { !$0.isWhitespace }
        var out: [UInt8] = []
        var i = digits.startIndex
        while i < digits.endIndex {
            let j = digits.index(i, offsetBy: 2)
            out.append(UInt8(digits[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    /// Istio-style series as a sidecar sends them: ~20 labels with long repeated names and
    /// values, a varying pod, instance and response code, one sample each.
    static func typicalRequest(series: Int, seed: UInt64 = 7) -> WriteRequest {
        var rng = SplitMix64(seed: seed)
        let apps = ["productpage", "reviews", "ratings", "details"]
        let codes = ["200", "200", "200", "201", "404", "503"]
        var out = WriteRequest()
        for k in 0..<series {
            let src = apps[Int.random(in: 0..<apps.count, using: &rng)]
            let dst = apps[Int.random(in: 0..<apps.count, using: &rng)]
            let pod = String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 36)
            let labels = Labels(name: k % 3 == 0 ? "istio_request_duration_milliseconds_bucket" : "istio_requests_total", [
                "connection_security_policy": "mutual_tls",
                "destination_app": dst, "destination_canonical_revision": "v1",
                "destination_canonical_service": dst, "destination_cluster": "Kubernetes",
                "destination_principal": "spiffe://cluster.local/ns/default/sa/bookinfo-\(dst)",
                "destination_service": "\(dst).default.svc.cluster.local",
                "destination_version": "v1", "destination_workload": "\(dst)-v1",
                "destination_workload_namespace": "default",
                "instance": "10.244.\(k % 7).\(k % 251):15020", "job": "kubernetes-pods",
                "pod": "\(src)-v1-\(pod)", "reporter": "destination", "request_protocol": "http",
                "response_code": codes[Int.random(in: 0..<codes.count, using: &rng)],
                "response_flags": "-", "source_app": src, "source_canonical_revision": "v1",
                "source_workload": "\(src)-v1", "source_workload_namespace": "default",
                "le": k % 3 == 0 ? ["5", "10", "25", "50", "100", "+Inf"][k % 6] : "",
            ])
            let t = 1_700_000_000_000 + Int64(k / 50) * 15_000
            out.timeseries.append(RemoteTimeSeries(
                labels: labels, samples: [Sample(timestamp: t, value: Double(UInt16.random(in: 0...9999, using: &rng)))]))
        }
        out.metadata = [
            RemoteMetadata(familyName: "istio_requests_total",
                           metadata: MetricMetadata(type: .counter, help: "Total requests.", unit: "")),
            RemoteMetadata(familyName: "istio_request_duration_milliseconds",
                           metadata: MetricMetadata(type: .histogram, help: "Request duration.", unit: "milliseconds")),
        ]
        return out
    }

    /// About `bytes` of encoded typical payload.
    static func typicalPayload(bytes: Int) -> [UInt8] {
        let one = WriteRequestEncoder.encode(typicalRequest(series: 10)).count / 10
        return WriteRequestEncoder.encode(typicalRequest(series: bytes / one))
    }

    static func random(_ count: Int, _ rng: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    /// One to four random edits: flip, interesting byte, delete, insert, cut, duplicate a run.
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64, interesting: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !b.isEmpty else { b.append(UInt8.random(in: 0...255, using: &rng)); continue }
            let at = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b[at] = interesting.randomElement(using: &rng)!
            case 2: b.remove(at: at)
            case 3: b.insert(interesting.randomElement(using: &rng)!, at: at)
            case 4: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
            case 5: b.removeSubrange(at...)
            default:
                let end = min(b.count, at + Int.random(in: 1...32, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            }
        }
        return b
    }
}
