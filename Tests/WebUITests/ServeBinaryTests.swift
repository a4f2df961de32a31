import CompressNIO
import Foundation
import NIOCore
import Testing

/// `meshscope serve` itself: it finds `Web/` from its executable's location (started in
/// an unrelated directory), scrapes a real target whose labels the targets page shows
/// escaped, and refuses to start when the web files are missing.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeBinaryTests {
    @Test func targetsPageShowsARealScrape() async throws {
        try await withTemporaryDirectory("serve") { dir in
            let target = try await ExpositionServer.start(body: "# TYPE demo_requests_total counter\ndemo_requests_total 42\n")
            defer { Task { await target.stop() } }
            let config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: demo
                    static_configs:
                      - targets: ["127.0.0.1:\(target.port)"]
                        labels: {team: "\(WebFixtures.hostile)"}
                  - job_name: dead
                    static_configs:
                      - targets: ["127.0.0.1:9"]
                  - job_name: "filtered <b>"
                    static_configs:
                      - targets: ["127.0.0.1:10", "127.0.0.1:11"]
                    relabel_configs:
                      - {source_labels: [__address__], regex: ".*", action: drop}

                """
            try Data(config.utf8).write(to: URL(fileURLWithPath: dir + "/meshscope.yaml"))
            let log = dir + "/serve.log"
            let process = try ServeBinary.spawn(["serve", "--data-dir", dir + "/data", "--config", dir + "/meshscope.yaml",
                                                 "--listen", "127.0.0.1:0", "--zipkin-listen", "off"], in: dir, stderr: log)
            defer {
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
            }
            let port = try await ServeBinary.eventually("serve to listen") { () -> Int? in
                let text = ServeBinary.read(log)
                guard let range = text.range(of: "address=127.0.0.1:"),
                      let port = Int(text[range.upperBound...].prefix(while: \.isNumber)) else { return nil }
                return port
            }
            let base = "http://127.0.0.1:\(port)"
            let page = try await ServeBinary.eventually("both targets scraped") { () -> Page? in
                let result = try await WebHTTP.send(base + "/targets")
                let page = Page(path: "/targets", status: result.status, headers: result.headers, body: result.body)
                return page.text.contains("health-up\">up") && page.text.contains("health-down\">down") ? page : nil
            }
            try page.checkStructure()
            #expect(!page.hasRawImageTag)
            #expect(page.text.contains("http://127.0.0.1:\(target.port)/metrics"))
            #expect(page.text.contains("team=\"&lt;img src=x onerror=alert(1)&gt;\""))
            #expect(page.text.contains("1/1 up</span> demo"))
            #expect(page.text.contains("0/1 up</span> dead"))
            #expect(page.text.contains("class=\"error-text\">"))
            #expect(page.text.contains("2 targets, 1 down."))
            // Each target keeps the labels relabelling saw, folded away.
            #expect(page.text.contains("<summary>Discovered labels</summary>"))
            #expect(page.text.contains("__address__=\"127.0.0.1:\(target.port)\""), "\(page.text)")
            // A job whose targets relabelling all dropped keeps its section, with the count and the API link.
            #expect(page.text.contains("0/0 up</span> filtered &lt;b&gt;"), "\(page.text)")
            #expect(page.text.contains("2 dropped by <code>relabel_configs</code>"))
            let droppedLink = "/api/v1/targets?state=dropped&amp;scrapePool=filtered%20%3Cb%3E"
            #expect(page.text.contains("href=\"\(droppedLink)\""), "\(page.text)")
            let dropped = try await WebHTTP.send(base + "/api/v1/targets?state=dropped&scrapePool=filtered%20%3Cb%3E")
            #expect(dropped.status == 200 && dropped.text.contains("\"__address__\":\"127.0.0.1:11\""), "\(dropped.text)")
            // Pages are gzipped for clients that ask, as the API's JSON is.
            let zipped = try await WebHTTP.send(base + "/targets", headers: [("Accept-Encoding", "gzip, deflate")])
            #expect(zipped.headers.first { $0.name.lowercased() == "content-encoding" }?.value == "gzip")
            var compressed = ByteBuffer(bytes: zipped.body)
            let unzipped = String(buffer: try compressed.decompress(with: .gzip()))
            #expect(unzipped.contains("2 dropped by <code>relabel_configs</code>") && unzipped.hasSuffix("</html>\n"))
            #expect(zipped.body.count * 3 < unzipped.utf8.count, "\(zipped.body.count) of \(unzipped.utf8.count) bytes")
            let refused = try await WebHTTP.send(base + "/targets", headers: [("Accept-Encoding", "gzip;q=0")])
            #expect(refused.text.hasPrefix("<!DOCTYPE html>"))
            let query = try await WebHTTP.send(base + "/query?expr=demo_requests_total")
            #expect(query.status == 200)
            #expect(query.text.contains("demo_requests_total{instance=&quot;127.0.0.1:\(target.port)&quot;, job=&quot;demo&quot;"))
            #expect(!query.text.contains("<img"))
        }
    }

    @Test func missingWebFilesStopStartupWithTheReason() async throws {
        try await withTemporaryDirectory("noweb") { dir in
            let log = dir + "/serve.log"
            let process = try ServeBinary.spawn(["serve", "--data-dir", dir + "/data", "--listen", "127.0.0.1:0",
                                                 "--zipkin-listen", "off"], in: dir, stderr: log,
                                                environment: ["MESHSCOPE_WEB_DIR": dir + "/nowhere"])
            let exited = try await ServeBinary.eventually("serve to exit") { () -> Bool? in process.isRunning ? nil : true }
            #expect(exited)
            #expect(process.terminationStatus != 0)
            let text = ServeBinary.read(log)
            #expect(text.contains("MESHSCOPE_WEB_DIR=\(dir)/nowhere has no templates/ folder"), "\(text)")
        }
    }
}
