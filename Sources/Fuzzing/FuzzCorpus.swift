/// The valid inputs and the language tokens each parser's fuzzing starts from, shared by
/// `meshscope bench fuzz` and the test suite's timed fuzzing: realistic bodies as the
/// collector receives them.
public struct FuzzCorpus: Sendable {
    public let name: String
    public let seeds: [String]
    /// Tokens of the input's language that mutations insert whole.
    public let tokens: [String]
    /// Open and close strings that mutations nest deeply.
    public let nesting: [(String, String)]

    public var seedBytes: [[UInt8]] { seeds.map { Array($0.utf8) } }

    /// This corpus with `other`'s tokens and nesting added (its seeds unchanged).
    public func adding(_ other: FuzzCorpus) -> FuzzCorpus {
        FuzzCorpus(name: name, seeds: seeds, tokens: tokens + other.tokens, nesting: nesting + other.nesting)
    }
}

extension FuzzCorpus {
    public static let exposition = FuzzCorpus(
        name: "exposition",
        seeds: [
        """
        # HELP istio_requests_total Total requests.
        # TYPE istio_requests_total counter
        istio_requests_total{response_code="200",source_workload="productpage-v1",destination_service="reviews.default.svc.cluster.local",reporter="source"} 1234 1700000000000
        istio_requests_total{response_code="503",response_flags="UO",reporter="destination"} 7
        # TYPE istio_request_duration_milliseconds histogram
        istio_request_duration_milliseconds_bucket{le="0.5"} 1
        istio_request_duration_milliseconds_bucket{le="10"} 30
        istio_request_duration_milliseconds_bucket{le="+Inf"} 41
        istio_request_duration_milliseconds_sum 201.5
        istio_request_duration_milliseconds_count 41
        # TYPE rpc summary
        rpc{quantile="0.99"} NaN
        rpc_sum 1.5e3
        rpc_count 3
        m{a="x\\\\y\\"z\\nw",u="héllo ✓"} -Inf

        """,
        """
        # TYPE http_requests counter
        # UNIT http_requests requests
        # HELP http_requests Requests.
        http_requests_total{code="200"} 1027 1700000000.123 # {trace_id="4bf92f3577b34da6"} 1 1700000000.1
        http_requests_created{code="200"} 1699990000
        # TYPE latency histogram
        latency_bucket{le="0.1"} 8 # {trace_id="a"} 0.05
        latency_bucket{le="+Inf"} 10
        latency_sum 1.2
        latency_count 10
        # TYPE up gauge
        up 1
        # EOF

        """,
    ],
        tokens: ["# TYPE ", "# HELP ", "# EOF\n", "{", "}", "=\"", "\",", "\n", " ", "_bucket", "le=\"+Inf\"",
                            " # {trace_id=\"a\"} 1", "\\", "\\n", "\"", "counter", "histogram", "_created"],
        nesting: [("{", "}"), ("\"", "\"")])

    public static let promql = FuzzCorpus(
        name: "promql",
        seeds: [
        #"sum by (job) (rate(http_requests_total{job=~"api|web", code!="200"}[5m] offset 1h))"#,
        #"histogram_quantile(0.99, sum by (le, destination_service) (rate(istio_request_duration_milliseconds_bucket[1m:15s] @ end())))"#,
        #"topk(5, -foo * on(a) group_left(b) bar ^ 2 > bool 1e3) or vector(0x1f)"#,
        #"label_replace(up, "dst", "$1", "src", "(.*)") unless count_values("v", {"a.b"='\x41'})"#,
        "min_over_time((a + b)[30m:] offset -5m) / scalar(c) # comment\n and d",
        #"sum(rate(istio_requests_total{response_code=~"5.."}[5m])) / sum(rate(istio_requests_total[5m]))"#,
    ],
        tokens: ["sum", " by (", "rate(", ")", "[5m]", "[5m:1m]", "{a=\"b\"}", " offset ", " @ ", "start()",
                            " and ", " or ", " unless ", " group_left(", "on(", "\"", "'", "`", "-", "^", "bool", "#", "\n"],
        nesting: [("(", ")"), ("-", ""), ("sum(", ")"), ("[", "]")])

    public static let zipkinJSON = FuzzCorpus(
        name: "zipkin-json",
        seeds: [
        """
        [{"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"CLIENT",\
        "name":"get /api","timestamp":1472470996199000,"duration":207000,\
        "localEndpoint":{"serviceName":"frontend","ipv4":"127.0.0.1","port":8080},\
        "remoteEndpoint":{"serviceName":"backend","ipv4":"192.168.99.101","ipv6":"2001:db8::c001","port":9000},\
        "annotations":[{"timestamp":1472470996238000,"value":"ws"},{"timestamp":1472470996403000,"value":"wr"}],\
        "tags":{"http.method":"GET","http.path":"/api","http.status_code":"200","error":""},"shared":true,"debug":false},\
        {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"x","tags":{"a":"\\u00e9\\n"}}]
        """,
    ],
        tokens: ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "\"traceId\":", "\"id\":", "\"tags\":{",
                            "\"annotations\":[", "\\u0000", "\\ud800", "\"timestamp\":"],
        nesting: [("[", "]"), ("{\"a\":", "}")])

    public static let accessLog = FuzzCorpus(
        name: "access-log",
        seeds: [
        #"""
        {"start_time":"2020-11-25T21:26:18.409Z","route_name":"default","method":"GET","path":"/status/418?x=1","protocol":"HTTP/1.1","response_code":418,"response_flags":"-","response_code_details":"via_upstream","connection_termination_details":null,"bytes_received":0,"bytes_sent":135,"duration":4,"upstream_service_time":"4","x_forwarded_for":null,"user_agent":"curl/7.73.0-DEV","request_id":"84961386-6d84-929d-98bd-c5aee93b5c88","authority":"httpbin:8000","upstream_host":"10.44.1.27:80","upstream_cluster":"outbound|8000|v1|httpbin.foo.svc.cluster.local","upstream_local_address":"10.44.1.23:37652","downstream_local_address":"10.0.45.184:8000","downstream_remote_address":"10.44.1.23:46520","requested_server_name":null,"upstream_transport_failure_reason":null}
        {"start_time":"2024-01-02T03:04:05.678Z","method":"POST","path":"/x","response_code":503,"response_flags":"UO,URX","duration":12,"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","request_id":"r-2","upstream_cluster":"inbound|9080||"}

        """#,
    ],
        tokens: ["{", "}", "[", "]", "\"", ":", ",", "\n", "null", "\"response_code\":", "\"start_time\":",
                            "\"duration\":", "\\u0000", "\\ud83d", "\"upstream_cluster\":\"outbound|"],
        nesting: [("[", "]"), ("{\"a\":", "}")])

    /// Seeds are the JSON corpus re-encoded as proto3 by the caller (this module has no codecs).
    public static let zipkinProto3Mutations = FuzzCorpus(
        name: "zipkin-proto3", seeds: [],
        tokens: ["\u{0A}", "\u{12}", "\u{1A}", "\u{7F}", "\u{FF}\u{FF}\u{FF}\u{FF}\u{0F}", "\u{08}\u{96}\u{01}"],
        nesting: [("\u{0A}\u{7F}", "")])
}
