import Foundation
import MeshMetrics

/// A synthetic but realistic Istio dataset: for every (source, destination, response
/// code) edge, an `istio_requests_total` counter and an
/// `istio_request_duration_milliseconds` histogram with Istio's default buckets, written
/// as OpenMetrics with timestamps, series after series, as a backfill file would be.
struct MeshDataset {
    static let buckets = ["0.5", "1", "5", "10", "25", "50", "100", "250", "500", "1000", "2500", "5000",
                          "10000", "30000", "60000", "300000", "600000", "1800000", "3600000", "+Inf"]

    struct Edge {
        var labels: String
        var rate: Double
    }

    let edges: [Edge]
    let start: Int64
    let points: Int
    let intervalMilliseconds: Int64

    /// Series per edge: one counter plus buckets, sum and count.
    static let seriesPerEdge = 1 + buckets.count + 2

    init(targetSeries: Int, hours: Double, intervalSeconds: Int, start: Int64) {
        let edgeCount = max(1, targetSeries / Self.seriesPerEdge)
        let workloads = (0..<40).map { index in
            (app: ["productpage", "details", "reviews", "ratings", "gateway", "cart", "checkout", "payments",
                   "shipping", "catalog"][index % 10] + (index >= 10 ? "-\(index / 10)" : ""),
             version: "v\(index % 3 + 1)", namespace: ["default", "shop", "billing", "istio-system"][index % 4])
        }
        let codes = ["200", "200", "503", "404"]
        var generator = SplitMix64(seed: 42)
        var edges: [Edge] = []
        var index = 0
        while edges.count < edgeCount {
            let source = workloads[index % workloads.count]
            let destination = workloads[(index * 7 + 3) % workloads.count]
            let code = codes[(index / workloads.count) % codes.count]
            let reporter = index % 2 == 0 ? "destination" : "source"
            // The labels dashboards group by (Istio emits a few more, such as principals and
            // canonical revisions; they change the line length, not the shape of the data).
            let labels = """
                connection_security_policy="mutual_tls",destination_service="\(destination.app).\(destination.namespace).svc.cluster.local",\
                destination_workload="\(destination.app)-\(destination.version)",\
                destination_workload_namespace="\(destination.namespace)",reporter="\(reporter)",\
                response_code="\(code)",source_workload="\(source.app)-\(source.version)",\
                source_workload_namespace="\(source.namespace)",pod="\(source.app)-\(index % 97)"
                """
            edges.append(Edge(labels: labels, rate: 1 + Double(generator.next() % 50)))
            index += 1
        }
        self.edges = edges
        self.intervalMilliseconds = Int64(intervalSeconds) * 1000
        self.points = max(1, Int(hours * 3600 / Double(intervalSeconds)))
        self.start = start
    }

    var seriesCount: Int { edges.count * Self.seriesPerEdge }
    var sampleCount: Int { seriesCount * points }

    /// Writes the file, calling `progress` with the fraction done.
    func write(to path: String, progress: (Double) -> Void) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandFailure("cannot write \(path)") }
        defer { try? handle.close() }
        var out = [UInt8]()
        out.reserveCapacity(9 << 20)
        func flush(force: Bool = false) throws {
            if force || out.count >= 8 << 20 {
                try handle.write(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out += Array("# HELP istio_requests counter of requests\n# TYPE istio_requests counter\n".utf8)
        var generator = SplitMix64(seed: 7)
        for (index, edge) in edges.enumerated() {
            var total = 0.0
            for point in 0..<points {
                total += Double(generator.next() % UInt64(edge.rate * 15 + 1))
                append(&out, "istio_requests_total{\(edge.labels)} \(Int(total)) ", timestamp: point)
                try flush()
            }
            if index % 64 == 0 { progress(Double(index) / Double(edges.count * 2)) }
        }
        out += Array("# HELP istio_request_duration_milliseconds request duration\n# TYPE istio_request_duration_milliseconds histogram\n".utf8)
        for (index, edge) in edges.enumerated() {
            var counts = [Double](repeating: 0, count: Self.buckets.count)
            var sum = 0.0
            for point in 0..<points {
                let requests = Int(generator.next() % UInt64(edge.rate * 15 + 1))
                for _ in 0..<min(requests, 8) {
                    let latency = Double(generator.next() % 400) + 0.3
                    sum += latency * Double(max(1, requests / 8))
                    for (bucket, bound) in Self.buckets.enumerated() where latency <= (Double(bound) ?? .infinity) {
                        counts[bucket] += Double(max(1, requests / 8))
                    }
                }
                for (bucket, bound) in Self.buckets.enumerated() {
                    append(&out, "istio_request_duration_milliseconds_bucket{\(edge.labels),le=\"\(bound)\"} \(Int(counts[bucket])) ", timestamp: point)
                }
                append(&out, "istio_request_duration_milliseconds_count{\(edge.labels)} \(Int(counts[counts.count - 1])) ", timestamp: point)
                append(&out, "istio_request_duration_milliseconds_sum{\(edge.labels)} \(sum) ", timestamp: point)
                try flush()
            }
            if index % 64 == 0 { progress(0.5 + Double(index) / Double(edges.count * 2)) }
        }
        out += Array("# EOF\n".utf8)
        try flush(force: true)
        progress(1)
    }

    private func append(_ out: inout [UInt8], _ prefix: String, timestamp point: Int) {
        out += Array(prefix.utf8)
        let milliseconds = start + Int64(point) * intervalMilliseconds
        out += Array("\(milliseconds / 1000).\(String(format: "%03d", Int(milliseconds % 1000)))\n".utf8)
    }
}
