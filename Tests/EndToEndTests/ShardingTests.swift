import Foundation
import Testing

extension EndToEnd {
    /// Several collectors share one config file; `--config.expand-env` gives each its
    /// `SHARD`, and `hashmod` + `keep` make each scrape a disjoint part of the targets.
    @Suite struct ShardingTests {
        static let shards = 3

        static func config(targets: [String]) -> String {
            """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: sharded
                metrics_path: /text
                static_configs:
                  - targets: [\(targets.map { "\"\($0)\"" }.joined(separator: ", "))]
                    labels:
                      # $$ is a literal $: this value is "$HOME", not the variable.
                      note: "$${HOME}"
                relabel_configs:
                  - source_labels: [__address__]
                    modulus: \(shards)
                    target_label: __tmp_hash
                    action: hashmod
                  - source_labels: [__tmp_hash]
                    regex: ${SHARD}
                    action: keep
                  - target_label: shard
                    replacement: "${SHARD}"
            """
        }

        /// Starts serve with `SHARD` in its environment.
        static func startShard(_ shard: Int, config: String, dir: String) async throws -> ServeProcess {
            try await ServeProcess.start(dataDir: join(dir, "data-\(shard)"), config: config, workDir: dir,
                                         extraArguments: ["--config.expand-env"], timeout: .seconds(60),
                                         environment: ["SHARD": "\(shard)"])
        }

        @Test func hashmodShardsSplitTheTargets() async throws {
            try await withTemporaryDirectory("sharding") { dir in
                var fixtures: [FixtureTarget] = []
                defer { fixtures.forEach { $0.cancel() } }
                for _ in 0..<6 { fixtures.append(try await FixtureTarget.start()) }
                let addresses = fixtures.map(\.address)
                let config = join(dir, "meshscope.yaml")
                try write(Self.config(targets: addresses), to: config)

                // With the flag but no SHARD in the environment the load fails at its line.
                let unset = try await MeshScopeCommand.run(
                    ["serve", "--config", config, "--config.expand-env", "--data-dir", join(dir, "data-x"),
                     "--listen", "127.0.0.1:0", "--zipkin-listen", "off"], in: dir, environment: ["SHARD": nil])
                #expect(unset.status != 0)
                #expect(unset.stderr.contains("meshscope.yaml:18:"), "\(unset.stderr)")
                #expect(unset.stderr.contains("environment variable \"SHARD\" is not set"), "\(unset.stderr)")

                var serves: [ServeProcess] = []
                defer { serves.forEach { $0.terminateIfRunning() } }
                for shard in 0..<Self.shards { serves.append(try await Self.startShard(shard, config: config, dir: dir)) }

                // Every fixture is scraped, each by exactly one collector.
                var owners: [String: [Int]] = [:]
                _ = try await eventually("every target scraped by some shard", timeout: .seconds(60),
                                         context: { serves.map { $0.logTail() }.joined(separator: "\n") }) {
                    owners = [:]
                    for (shard, serve) in serves.enumerated() {
                        for sample in try await serve.federate(#"up{job="sharded"}"#).samples {
                            #expect(sample.labels["shard"] == "\(shard)")
                            #expect(sample.labels["note"] == "${HOME}")
                            owners[sample.labels["instance"] ?? "?", default: []].append(shard)
                        }
                    }
                    return Set(owners.keys) == Set(addresses) ? true : nil
                }
                #expect(owners.values.allSatisfy { $0.count == 1 }, "no target is scraped twice: \(owners)")
                for (shard, serve) in serves.enumerated() {
                    let active = try await APIClient(serve).get("/api/v1/targets")
                        .dataObject["activeTargets"] as? [[String: Any]] ?? []
                    let mine = owners.filter { $0.value == [shard] }.count
                    #expect(active.count == mine, "shard \(shard) lists only its own targets")
                }
                #expect(fixtures.allSatisfy { $0.requests("/text") >= 1 })

                // A reload expands the environment the collector started with.
                serves[0].signal(SIGHUP)
                _ = try await eventually("shard 0 to reload", context: serves[0].logTail) {
                    serves[0].logs.contains("config reloaded") ? true : nil
                }
                #expect(!serves[0].logs.contains("config reload rejected"))
                for serve in serves { _ = try await serve.stop() }
            }
        }
    }
}
