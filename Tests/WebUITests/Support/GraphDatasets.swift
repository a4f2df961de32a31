import Foundation

/// Servers over the graph fixtures, with sidecar stand-ins serving `/config_dump`.
enum GraphDatasets {
    /// Bookinfo metrics, scraped targets: one sidecar with the Bookinfo dump, one that is
    /// not a sidecar (404), one too slow to answer.
    static func withBookinfo(_ body: (ScrapingWebServer) async throws -> Void) async throws {
        try await withTemporaryDirectory("graph") { dir in
            try WebFixtures.importMetrics(GraphFixtures.bookinfo(nowMillis: Self.nowMillis), into: dir)
            let sidecar = try await SidecarAdminServer.start(.dump(ConfigDumpJSON.bookinfo))
            let slow = try await SidecarAdminServer.start(.slow(seconds: 3))
            let exporter = try await ExpositionServer.start(body: "exporter_up 1\n")
            do {
                try await ScrapingWebServer.with(dataDir: dir, targets: [sidecar.address, slow.address,
                                                                         "127.0.0.1:\(exporter.port)"], body)
            } catch {
                await sidecar.stop(); await slow.stop(); await exporter.stop()
                throw error
            }
            await sidecar.stop(); await slow.stop(); await exporter.stop()
        }
    }

    /// Bookinfo metrics without scrape targets (no badges).
    static func withBookinfoOnly(_ body: (WebTestServer) async throws -> Void) async throws {
        try await withTemporaryDirectory("graph-plain") { dir in
            try WebFixtures.importMetrics(GraphFixtures.bookinfo(nowMillis: Self.nowMillis), into: dir)
            try await Datasets.withServer(dataDir: dir, body)
        }
    }

    static func withCanary(_ body: (WebTestServer) async throws -> Void) async throws {
        try await withTemporaryDirectory("canary") { dir in
            try WebFixtures.importMetrics(GraphFixtures.canary(nowMillis: Self.nowMillis), into: dir)
            try await Datasets.withServer(dataDir: dir, body)
        }
    }

    /// Where the imported series end: a minute past now, so a page queried while a loaded
    /// machine delays it still finds every rate window covered by samples.
    static var nowMillis: Int64 { Int64(Date().timeIntervalSince1970 * 1000) + 60_000 }
}
