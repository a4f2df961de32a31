import Testing
@testable import Traces

/// Cases ported from Zipkin's DependencyLinkerTest, plus a multi-service topology.
@Suite struct DependencyLinkerTests {
    static func span(_ traceId: String, _ parentId: String?, _ id: String, _ kind: SpanKind?,
                     _ local: String?, _ remote: String?, _ isError: Bool, shared: Bool = false) -> Span {
        try! Span(traceId: traceId, id: id, parentId: parentId, kind: kind,
                  localEndpoint: local.map { try! Endpoint(serviceName: $0) },
                  remoteEndpoint: remote.map { try! Endpoint(serviceName: $0) },
                  tags: isError ? ["error": ""] : [:], shared: shared)
    }

    static func link(_ p: String, _ c: String, _ calls: Int64, _ errors: Int64 = 0) -> DependencyLink {
        DependencyLink(parent: p, child: c, callCount: calls, errorCount: errors)
    }

    /// Reported in reverse order, as reporting most likely happens.
    static let trace = [
        span("a", "b", "c", .client, "app", "db", true),
        span("a", "a", "b", .server, "app", "web", false, shared: true),
        span("a", "a", "b", .client, "web", "app", false),
        span("a", nil, "a", .server, "web", nil, false),
    ]

    func links(_ spans: [Span]) -> [DependencyLink] {
        var linker = DependencyLinker()
        linker.putTrace(spans)
        return linker.link()
    }

    @Test func linksSpans() {
        #expect(DependencyLinker().link().isEmpty)
        #expect(links(Self.trace) == [Self.link("web", "app", 1), Self.link("app", "db", 1, 1)])
        // The trace id is opaque.
        let other = Self.trace.map { s in var b = SpanBuilder(s); b.traceId = "0000000000000123"; return try! b.build() }
        #expect(links(other) == links(Self.trace))
    }

    @Test func lateOrMissingParentIds() {
        var late = Self.trace
        late[2] = Self.span("a", nil, "b", .client, "web", "app", false)
        #expect(links(late) == [Self.link("web", "app", 1), Self.link("app", "db", 1, 1)])
        var lost = late
        lost.remove(at: 1) // the client half never arrived
        #expect(links(lost) == [Self.link("web", "app", 1), Self.link("app", "db", 1, 1)])
        let serverMissingParent = [
            Self.span("a", nil, "b", .server, "link", "arn", false, shared: true),
            Self.span("a", "a", "b", .client, "arn", "link", false),
            Self.span("a", nil, "a", .server, "arn", nil, false),
        ]
        #expect(links(serverMissingParent) == [Self.link("arn", "link", 1)])
    }

    @Test func messaging() {
        #expect(links([Self.span("a", nil, "a", .producer, "producer", nil, false),
                       Self.span("a", "a", "b", .consumer, "consumer", "kafka", false)]) == [Self.link("kafka", "consumer", 1)])
        #expect(links([Self.span("a", nil, "a", .producer, "producer", "kafka", false),
                       Self.span("a", "a", "b", .consumer, "consumer", nil, false)]) == [Self.link("producer", "kafka", 1)])
        #expect(links([Self.span("a", nil, "a", .producer, "producer", "kafka1", false),
                       Self.span("a", "a", "b", .consumer, "consumer", "kafka2", false)])
                == [Self.link("producer", "kafka1", 1), Self.link("kafka2", "consumer", 1)])
        #expect(links([Self.span("a", nil, "a", .producer, "producer", nil, false),
                       Self.span("a", "a", "b", .consumer, "consumer", nil, false)]).isEmpty)
        #expect(links([Self.span("a", nil, "a", .producer, "producer", nil, false),
                       Self.span("a", "a", "b", .server, "server", nil, false)]) == [Self.link("producer", "server", 1)])
        #expect(links([Self.span("a", nil, "a", .producer, "producer", nil, false),
                       Self.span("a", nil, "a", .server, "server", nil, false, shared: true)]) == [Self.link("producer", "server", 1)])
        #expect(links([Self.span("a", nil, "a", .client, "client", nil, false),
                       Self.span("a", "a", "b", .consumer, "consumer", nil, false)]).isEmpty)
    }

    @Test func directionAndCounts() {
        #expect(links([Self.span("a", nil, "a", .server, "server", "client", false)]) == [Self.link("client", "server", 1)])
        #expect(links([Self.span("a", nil, "a", .client, "client", "server", false)]) == [Self.link("client", "server", 1)])
        let fanOut = [Self.span("a", nil, "a", .server, "client", nil, false),
                      Self.span("a", "a", "b", .client, nil, "server", false),
                      Self.span("a", "a", "c", .client, nil, "server", false)]
        #expect(links(fanOut) == [Self.link("client", "server", 2)])
        var twice = DependencyLinker()
        twice.putTrace(Array(fanOut.prefix(2)))
        twice.putTrace(Array(fanOut.prefix(2)))
        #expect(twice.link() == [Self.link("client", "server", 2)])
        #expect(links([Self.span("a", nil, "a", .client, "client", nil, false),
                       Self.span("a", "a", "b", .server, "server", nil, false)]) == [Self.link("client", "server", 1)])
        #expect(links([Self.span("a", nil, "a", .client, "client", nil, true),
                       Self.span("a", "a", "b", .server, "server", nil, true)]) == [Self.link("client", "server", 1, 1)])
        #expect(links([Self.span("a", nil, "a", .client, "client", nil, true),
                       Self.span("a", nil, "a", .server, "server", nil, true, shared: true)]) == [Self.link("client", "server", 1, 1)])
        #expect(links([Self.span("a", nil, "a", .client, "client", nil, false),
                       Self.span("a", "a", "b", .server, "server", "client", true),
                       Self.span("a", "a", "c", .server, "server", "client", false)]) == [Self.link("client", "server", 2, 1)])
    }

    @Test func serverHalfInheritsItsClientsError() {
        // The client has children, so the server child makes the link; the error is the client's.
        #expect(links([Self.span("a", nil, "a", .client, "web", "app", true),
                       Self.span("a", "a", "b", .server, "app", nil, false)]) == [Self.link("web", "app", 1, 1)])
        // Only from the direct client parent: through a local span there is no inheritance.
        #expect(links([Self.span("a", nil, "a", .client, "web", "app", true),
                       Self.span("a", "a", "b", nil, "web", nil, false),
                       Self.span("a", "b", "c", .server, "app", nil, false)]) == [Self.link("web", "app", 1)])
    }

    @Test func localSpansInBetween() {
        #expect(links([Self.span("a", nil, "a", .server, "client", nil, false),
                       Self.span("a", "a", "b", nil, nil, nil, false),
                       Self.span("a", "b", "c", .client, "server", nil, true),
                       Self.span("a", "b", "d", .client, "server", nil, true)]) == [Self.link("client", "server", 2)])
        #expect(links([Self.span("a", nil, "a", .server, "foo", nil, false),
                       Self.span("a", "a", "b", nil, nil, nil, false),
                       Self.span("a", "b", "c", .client, "bar", "baz", true),
                       Self.span("a", "b", "d", .client, "bar", "baz", false)])
                == [Self.link("foo", "bar", 2), Self.link("bar", "baz", 2, 1)])
        // An annotation named error is not the error tag.
        let annotated = try! Span(traceId: "a", id: "c", parentId: "b", kind: .client,
                                  localEndpoint: try! Endpoint(serviceName: "foo"),
                                  remoteEndpoint: try! Endpoint(serviceName: "bar"),
                                  annotations: [Annotation(timestamp: 1, value: "error")])
        #expect(links([annotated]) == [Self.link("foo", "bar", 1)])
    }

    /// gateway → frontend → {catalog → db (uninstrumented), orders -(kafka)-> billing},
    /// two traces, one with a failing catalog server and one with a failing db call.
    @Test func multiServiceTopology() throws {
        func t(_ trace: String, catalogError: Bool, dbError: Bool) -> [Span] {
            [
                Self.span(trace, nil, "1", .server, "gateway", nil, false),
                Self.span(trace, "1", "2", .client, "gateway", "frontend", false),
                Self.span(trace, "1", "2", .server, "frontend", "gateway", false, shared: true),
                Self.span(trace, "2", "3", nil, "frontend", nil, false), // local work
                Self.span(trace, "3", "4", .client, "frontend", "catalog", false),
                Self.span(trace, "3", "4", .server, "catalog", nil, catalogError, shared: true),
                Self.span(trace, "4", "5", .client, "catalog", "db", dbError),
                Self.span(trace, "3", "6", .client, "frontend", "orders", false),
                Self.span(trace, "6", "7", .server, "orders", "frontend", false),
                Self.span(trace, "7", "8", .producer, "orders", "kafka", false),
                Self.span(trace, "8", "9", .consumer, "billing", "kafka", false),
            ]
        }
        let spans = t("abc", catalogError: true, dbError: false) + t("def", catalogError: false, dbError: true)
        let result = DependencyLinker.link(spans)
        #expect(result == [
            Self.link("gateway", "frontend", 2),
            Self.link("frontend", "catalog", 2, 1),
            Self.link("frontend", "orders", 2),
            Self.link("catalog", "db", 2, 1),
            Self.link("orders", "kafka", 2),
            Self.link("kafka", "billing", 2),
        ])
        #expect(DependencyLinker.merge(result + [Self.link("gateway", "frontend", 3, 1)]).first
                == Self.link("gateway", "frontend", 5, 1))
        #expect(String(decoding: DependencyLink.encodeJSON(Array(result.prefix(2))), as: UTF8.self)
                == #"[{"parent":"gateway","child":"frontend","callCount":2},{"parent":"frontend","child":"catalog","callCount":2,"errorCount":1}]"#)
    }
}
