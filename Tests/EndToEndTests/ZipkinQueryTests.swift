import Foundation
import Testing
import Traces

extension EndToEnd {
    /// The Zipkin v2 query API over a known set of traces: every search parameter, the
    /// name listings, autocomplete and dependency links.
    @Suite struct ZipkinQueryTests {
        @Test func searchNamesAutocompleteAndDependencies() async throws {
            try await withTemporaryDirectory("zipkin-query") { dir in
                let config = join(dir, "meshscope.yaml")
                try write("traces:\n  autocomplete_keys: [http.method, user]\n", to: config)
                let serve = try await ServeProcess.start(dataDir: join(dir, "data"), config: config, workDir: dir)
                defer { serve.terminateIfRunning() }
                let nowMs = ZipkinFixtures.nowMicros / 1000
                let base = (nowMs - 600_000) * 1000  // ten minutes ago, µs
                let topology = ZipkinFixtures.hex(0x10, bits: 128)
                let older = ZipkinFixtures.hex(0x11)
                let slow = ZipkinFixtures.hex(0x20)
                let fast = ZipkinFixtures.hex(0x21)
                let ancient = ZipkinFixtures.hex(0x30)
                try await serve.postJSON(ZipkinFixtures.topology(topology, at: base + 60_000_000))
                try await serve.postJSON(ZipkinFixtures.topology(older, at: base, name: "get /cart", rootDuration: 20_000, user: "bob"))
                try await serve.postJSON(ZipkinFixtures.single(slow, service: "billing", name: "charge", at: base + 30_000_000,
                                                               duration: 900_000, remote: "stripe", tags: ["user": "carol"]))
                try await serve.postJSON(ZipkinFixtures.single(fast, service: "billing", name: "refund", at: base + 20_000_000,
                                                               duration: 3_000))
                // Two days old: outside the default one-day lookback.
                try await serve.postJSON(ZipkinFixtures.single(ancient, service: "billing", name: "charge",
                                                               at: base - 2 * 86_400_000_000, duration: 5_000))

                func search(_ query: String) async throws -> [String] {
                    try await serve.traceIDs("/api/v2/traces" + (query.isEmpty ? "" : "?" + query))
                }
                // Newest first, default window and limit.
                #expect(try await search("") == [topology, slow, fast, older])
                #expect(try await search("limit=2") == [topology, slow])
                #expect(try await search("serviceName=billing") == [slow, fast])
                #expect(try await search("serviceName=BACKEND") == [topology, older])
                #expect(try await search("serviceName=backend&remoteServiceName=mysql") == [topology, older])
                #expect(try await search("remoteServiceName=stripe") == [slow])
                #expect(try await search("spanName=charge") == [slow])
                #expect(try await search("serviceName=frontend&spanName=get%20%2Fcart") == [older])
                // Any span of the trace may satisfy the duration (the older trace's spans stay <= 100 ms).
                #expect(try await search("minDuration=120000") == [topology, slow])
                #expect(try await search("minDuration=120000&maxDuration=200000") == [topology])
                #expect(try await search("serviceName=billing&minDuration=1000&maxDuration=5000") == [fast])
                #expect(try await search("annotationQuery=user%3Dbob") == [older])
                #expect(try await search("annotationQuery=error") == [topology, older])
                #expect(try await search("annotationQuery=cache.miss%20and%20http.method%3DPOST") == [topology, older])
                #expect(try await search("annotationQuery=user%3Dcarol%20and%20error") == [])
                #expect(try await search("endTs=\(base / 1000 + 1_000)&lookback=2000") == [older])
                #expect(try await search("lookback=\(3 * 86_400_000)&serviceName=billing") == [slow, fast, ancient])

                let many = try await serve.traceIDs("/api/v2/traceMany?traceIds=\(slow),\(topology.uppercased()),00000000000000ff")
                #expect(Set(many) == [slow, topology])

                #expect(try await serve.names("/api/v2/services") == ["backend", "billing", "frontend", "worker"])
                #expect(try await serve.names("/api/v2/spans?serviceName=backend")
                    == ["post /reserve", "select stock", "send order"])
                #expect(try await serve.names("/api/v2/spans?serviceName=nobody") == [])
                #expect(try await serve.names("/api/v2/remoteServices?serviceName=backend") == ["kafka", "mysql"])
                #expect(try await serve.names("/api/v2/remoteServices?serviceName=billing") == ["stripe"])
                #expect(try await serve.names("/api/v2/autocompleteKeys") == ["http.method", "user"])
                #expect(try await serve.names("/api/v2/autocompleteValues?key=user") == ["alice", "bob", "carol"])
                #expect(try await serve.names("/api/v2/autocompleteValues?key=http.method") == ["GET", "POST"])
                #expect(try await serve.names("/api/v2/autocompleteValues?key=queue") == [], "not a configured key")
                // More than 3 services: name lists become cacheable, as in Zipkin.
                let services = try await serve.zipkin("/api/v2/services")
                #expect(services.header("Cache-Control") == "max-age=300, must-revalidate")
                #expect(services.header("Content-Type")?.hasPrefix("application/json") == true)

                let dependencies = try await serve.zipkin("/api/v2/dependencies?endTs=\(nowMs)&lookback=\(15 * 60_000)")
                #expect(dependencies.status == 200, "\(dependencies.text)")
                let links = try JSONSerialization.jsonObject(with: Data(dependencies.body)) as? [[String: Any]] ?? []
                var table: [String: (calls: Int, errors: Int)] = [:]
                for link in links {
                    table["\(link["parent"] ?? "")>\(link["child"] ?? "")"] =
                        ((link["callCount"] as? Int) ?? -1, (link["errorCount"] as? Int) ?? 0)
                }
                let expected: [String: (calls: Int, errors: Int)] = [
                    "frontend>backend": (2, 0), "backend>mysql": (2, 2), "backend>kafka": (2, 0),
                    "kafka>worker": (2, 0), "billing>stripe": (1, 0),
                ]
                #expect(table.count == expected.count, "\(dependencies.text)")
                for (edge, want) in expected {
                    #expect(table[edge]?.calls == want.calls && table[edge]?.errors == want.errors, "\(edge): \(dependencies.text)")
                }
                // One minute before the topology trace: only the older trace's links remain.
                let narrow = try await serve.zipkin("/api/v2/dependencies?endTs=\(base / 1000 + 1_000)&lookback=60000")
                #expect(narrow.text.contains(#"{"parent":"frontend","child":"backend","callCount":1}"#), "\(narrow.text)")
                #expect(!narrow.text.contains("stripe"), "\(narrow.text)")
                #expect(try await serve.stop() == 0)
            }
        }
    }
}
