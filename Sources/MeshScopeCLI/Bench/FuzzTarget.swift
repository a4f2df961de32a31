import AccessLogs
import MeshMetrics
import PromQL
import Traces

/// A parser under `bench fuzz`: valid seed inputs, the tokens and nesting its mutations
/// use, and a call that must return or throw, never trap or hang.
struct FuzzTarget: Sendable {
    let name: String
    let seeds: [[UInt8]]
    let tokens: [String]
    let nesting: [(String, String)]
    /// True when the input was accepted, false when refused with an error.
    let run: @Sendable ([UInt8]) -> Bool

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "exposition", seeds: FuzzSeeds.exposition.map { Array($0.utf8) },
                   tokens: ["# TYPE ", "# HELP ", "# EOF\n", "{", "}", "=\"", "\",", "\n", " ", "_bucket", "le=\"+Inf\"",
                            " # {trace_id=\"a\"} 1", "\\", "\\n", "\"", "counter", "histogram", "_created"],
                   nesting: [("{", "}"), ("\"", "\"")]) { input in
            let format: ExpositionFormat = input.first == 0x23 && input.count % 2 == 0 ? .openMetrics : .prometheusText
            return (try? ExpositionParser.parse(input, format: format)) != nil
        },
        FuzzTarget(name: "promql", seeds: FuzzSeeds.promql.map { Array($0.utf8) },
                   tokens: ["sum", " by (", "rate(", ")", "[5m]", "[5m:1m]", "{a=\"b\"}", " offset ", " @ ", "start()",
                            " and ", " or ", " unless ", " group_left(", "on(", "\"", "'", "`", "-", "^", "bool", "#", "\n"],
                   nesting: [("(", ")"), ("-", ""), ("sum(", ")"), ("[", "]")]) { input in
            (try? PromQLParser.parse(String(decoding: input, as: UTF8.self))) != nil
        },
        FuzzTarget(name: "zipkin-json", seeds: FuzzSeeds.zipkinJSON.map { Array($0.utf8) },
                   tokens: ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "\"traceId\":", "\"id\":", "\"tags\":{",
                            "\"annotations\":[", "\\u0000", "\\ud800", "\"timestamp\":"],
                   nesting: [("[", "]"), ("{\"a\":", "}")]) { input in
            (try? SpanJSONDecoder.decodeList(input)) != nil
        },
        FuzzTarget(name: "zipkin-proto3", seeds: FuzzSeeds.zipkinProto,
                   tokens: ["\u{0A}", "\u{12}", "\u{1A}", "\u{7F}", "\u{FF}\u{FF}\u{FF}\u{FF}\u{0F}", "\u{08}\u{96}\u{01}"],
                   nesting: [("\u{0A}\u{7F}", "")]) { input in
            (try? SpanProtoDecoder.decodeList(input)) != nil
        },
        FuzzTarget(name: "access-log", seeds: FuzzSeeds.accessLogs.map { Array($0.utf8) },
                   tokens: ["{", "}", "[", "]", "\"", ":", ",", "\n", "null", "\"response_code\":", "\"start_time\":",
                            "\"duration\":", "\\u0000", "\\ud83d", "\"upstream_cluster\":\"outbound|"],
                   nesting: [("[", "]"), ("{\"a\":", "}")]) { input in
            NDJSONBatch.parse(input).isValid
        },
    ]
}
