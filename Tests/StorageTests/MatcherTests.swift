import MeshMetrics
import Storage
import Testing

/// Series selection through the label index with Prometheus' matcher semantics, and the
/// label name and value listings.
@Suite("Matchers and label listings")
struct MatcherTests {
    static let getAPI = Labels(name: "http_requests_total", ["job": "api", "instance": "a", "method": "GET"])
    static let postAPI2 = Labels(name: "http_requests_total", ["job": "api-2", "instance": "b", "method": "POST"])
    static let web = Labels(name: "http_requests_total", ["job": "web", "instance": "c"])
    static let upAPI = Labels(name: "up", ["job": "api", "instance": "a"])
    static let upDB = Labels(name: "up", ["job": "db", "instance": "d", "env": "prod"])
    static let all = [getAPI, postAPI2, web, upAPI, upDB]

    /// One sample per series, its value the series' index in `all`.
    private func populated(_ factory: StoreFactory, _ directory: String) async throws -> any MetricsStoreUnderTest {
        let store = try factory.open(directory)
        var scrape = AppendBatch()
        for (index, labels) in Self.all.enumerated() {
            scrape.append(labels, Sample(timestamp: baseTime, value: Double(index)))
        }
        #expect(try await store.append(scrape).newSeries == Self.all.count)
        return store
    }

    /// Matchers written as (name, operator, value) and the series they must select.
    static let cases: [(matchers: [(String, LabelMatcher.Kind, String)], expected: [Labels])] = [
        ([("__name__", .equal, "http_requests_total")], [getAPI, postAPI2, web]),
        ([("job", .equal, "api")], [getAPI, upAPI]),
        ([("job", .equal, "nope")], []),
        ([("job", .notEqual, "api"), ("instance", .regex, ".+")], [postAPI2, web, upDB]),
        // `!=` also matches series without the label.
        ([("__name__", .regex, ".+"), ("method", .notEqual, "GET")], [postAPI2, web, upAPI, upDB]),
        // Regexes are fully anchored: `api` is not `api-2`, `pi` matches nothing, `ap.` only `api`.
        ([("job", .regex, "api")], [getAPI, upAPI]),
        ([("job", .regex, "pi")], []),
        ([("job", .regex, "ap.")], [getAPI, upAPI]),
        ([("job", .regex, "api.*")], [getAPI, postAPI2, upAPI]),
        ([("job", .regex, "API")], []),
        // Alternations, literal (the set fast path) and with regex syntax.
        ([("job", .regex, "api|web")], [getAPI, web, upAPI]),
        ([("job", .regex, "ap.|w.b|d")], [getAPI, web, upAPI]),
        ([("job", .regex, "(api|db)(-2)?")], [getAPI, postAPI2, upAPI, upDB]),
        ([("job", .notRegex, "api|web")], [postAPI2, upDB]),
        ([("job", .notRegex, "a.*"), ("__name__", .equal, "up")], [upDB]),
        // Matchers that accept the empty string select series without the label.
        ([("__name__", .regex, ".+"), ("method", .equal, "")], [web, upAPI, upDB]),
        ([("__name__", .regex, ".+"), ("method", .regex, "")], [web, upAPI, upDB]),
        ([("__name__", .regex, ".+"), ("method", .regex, "GET|")], [getAPI, web, upAPI, upDB]),
        ([("__name__", .equal, "up"), ("env", .notEqual, "prod")], [upAPI]),
        ([("__name__", .equal, "up"), ("absent", .equal, "")], [upAPI, upDB]),
        ([("method", .regex, ".+")], [getAPI, postAPI2]),
        ([("method", .notRegex, ".+"), ("job", .regex, ".*")], [web, upAPI, upDB]),
        // Several matchers intersect.
        ([("__name__", .equal, "http_requests_total"), ("job", .regex, "api.*"), ("method", .notEqual, "POST")], [getAPI]),
        ([("__name__", .equal, "up"), ("instance", .equal, "c")], []),
    ]

    @Test("series selects exactly the series the matchers describe", arguments: StoreFactory.all)
    func seriesByMatchers(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            for (written, expected) in Self.cases {
                let matchers = try written.map { try LabelMatcher($0.0, $0.1, $0.2) }
                let found = try await store.series(matchers)
                #expect(found == expected.sorted(), "\(SeriesSelector(matchers: matchers))")
            }
            try await expectIntact(store)
        }
    }

    @Test("select applies the same matchers and returns each series' own samples", arguments: StoreFactory.all)
    func selectByMatchers(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            for (written, expected) in Self.cases {
                let matchers = try written.map { try LabelMatcher($0.0, $0.1, $0.2) }
                let found = try await store.select(matchers, from: .min, through: .max)
                #expect(Set(found.map(\.labels)) == Set(expected), "\(SeriesSelector(matchers: matchers))")
                #expect(found.count == expected.count)
                for series in found {
                    let index = Self.all.firstIndex(of: series.labels).map(Double.init)
                    #expect(series.samples.map(\.bits) == [Sample(timestamp: baseTime, value: index ?? -1).bits])
                }
            }
        }
    }

    @Test("selectors parsed from text select the same series", arguments: StoreFactory.all)
    func parsedSelectors(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            let cases: [(String, [Labels])] = [
                (#"http_requests_total{job=~"api"}"#, [Self.getAPI]),
                (#"{job=~"api|api-2", method!=""}"#, [Self.getAPI, Self.postAPI2]),
                (#"up{env=""}"#, [Self.upAPI]),
                (#"{__name__=~"up|http_.*", instance=~"[ad]"}"#, [Self.getAPI, Self.upAPI, Self.upDB]),
            ]
            for (text, expected) in cases {
                #expect(try await store.series(SeriesSelector(parsing: text).matchers) == expected.sorted(), "\(text)")
            }
        }
    }

    @Test("label names and values list exactly what is stored, sorted", arguments: StoreFactory.all)
    func labelListings(factory: StoreFactory) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await populated(factory, directory)
            #expect(try await store.labelNames() == ["__name__", "env", "instance", "job", "method"])
            #expect(try await store.labelValues("__name__") == ["http_requests_total", "up"])
            #expect(try await store.labelValues("job") == ["api", "api-2", "db", "web"])
            #expect(try await store.labelValues("method") == ["GET", "POST"])
            #expect(try await store.labelValues("instance") == ["a", "b", "c", "d"])
            #expect(try await store.labelValues("env") == ["prod"])
            #expect(try await store.labelValues("absent").isEmpty)

            // A value with bytes that need escaping elsewhere is listed as stored.
            let odd = Labels(name: "up", ["job": "quote\"back\\slash\nnewline ü"])
            _ = try await store.append(batch(odd, baseTime, 1))
            #expect(try await store.labelValues("job") == ["api", "api-2", "db", "quote\"back\\slash\nnewline ü", "web"])
            #expect(try await store.series([matcher("job", .equal, "quote\"back\\slash\nnewline ü")]) == [odd])
            try await expectIntact(store)
        }
    }
}
