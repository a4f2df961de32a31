/// Exposition bodies served by `FixtureTarget`. `n` is the request number on that path
/// (1 for the first), so counters grow by a known amount per scrape.
enum FixtureBodies {
    static let textContentType = "text/plain; version=0.0.4; charset=utf-8"
    static let openMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8"

    /// HELP text as the fixture means it, and as the text format escapes it.
    static let requestsHelp = "Requests served by the fixture.\nA second line with a backslash: \\."
    static let requestsHelpEscaped = "Requests served by the fixture.\\nA second line with a backslash: \\\\."

    /// The label values of `fixture_escaped`, unescaped.
    static let escapedValues = ["path": "C:\\dir\\file", "quote": "say \"hi\"", "multiline": "one\ntwo"]

    /// Text format 0.0.4: a counter, a histogram, a summary, escaped label values and a
    /// series carrying its own `job` and `instance` labels.
    static func text(_ n: Int) -> String {
        """
        # HELP fixture_requests_total \(requestsHelpEscaped)
        # TYPE fixture_requests_total counter
        fixture_requests_total{path="/text"} \(n)
        # HELP fixture_latency_seconds Made-up request latencies.
        # TYPE fixture_latency_seconds histogram
        fixture_latency_seconds_bucket{le="0.1"} \(n)
        fixture_latency_seconds_bucket{le="0.5"} \(2 * n)
        fixture_latency_seconds_bucket{le="1"} \(3 * n)
        fixture_latency_seconds_bucket{le="+Inf"} \(4 * n)
        fixture_latency_seconds_sum \(Double(n) * 1.25)
        fixture_latency_seconds_count \(4 * n)
        # HELP fixture_rpc_seconds Made-up RPC durations.
        # TYPE fixture_rpc_seconds summary
        fixture_rpc_seconds{quantile="0.5"} 0.2
        fixture_rpc_seconds{quantile="0.99"} 0.9
        fixture_rpc_seconds_sum \(Double(n) * 0.5)
        fixture_rpc_seconds_count \(n)
        # HELP fixture_escaped Label values that need escaping.
        # TYPE fixture_escaped gauge
        fixture_escaped{path="C:\\\\dir\\\\file",quote="say \\"hi\\"",multiline="one\\ntwo"} 1
        # HELP fixture_inner A series that names its own job and instance.
        # TYPE fixture_inner gauge
        fixture_inner{job="inner",instance="inner:1"} 7

        """
    }

    /// OpenMetrics 1.0: counter with `_total` and `_created`, a gauge with a unit, a
    /// histogram, an escaped label value, `# EOF`.
    static func openMetrics(_ n: Int) -> String {
        """
        # HELP fixture_om_events Events seen by the fixture.
        # TYPE fixture_om_events counter
        fixture_om_events_total{kind="a \\"quoted\\" kind"} \(n)
        fixture_om_events_created{kind="a \\"quoted\\" kind"} 1700000000.0
        # HELP fixture_om_temperature_celsius A made-up temperature.
        # TYPE fixture_om_temperature_celsius gauge
        # UNIT fixture_om_temperature_celsius celsius
        fixture_om_temperature_celsius 21.5
        # HELP fixture_om_size_bytes Made-up payload sizes.
        # TYPE fixture_om_size_bytes histogram
        fixture_om_size_bytes_bucket{le="100.0"} \(n)
        fixture_om_size_bytes_bucket{le="+Inf"} \(2 * n)
        fixture_om_size_bytes_sum \(150 * n)
        fixture_om_size_bytes_count \(2 * n)
        # EOF

        """
    }

    static func gzipTarget(_ n: Int) -> String {
        """
        # HELP fixture_gzip_requests_total Requests to the gzip path.
        # TYPE fixture_gzip_requests_total counter
        fixture_gzip_requests_total \(n)

        """
    }

    /// Good lines, then a sample line with an unterminated label set.
    static let malformed = """
        # TYPE fixture_malformed_good gauge
        fixture_malformed_good 1
        fixture_malformed_bad{le="1" 2
        fixture_malformed_after 3

        """

    static let slow = "fixture_slow_value 1\n"

    /// One gauge series per name in `series`, all with value `n`.
    static func churn(_ n: Int, series: [String]) -> String {
        "# TYPE fixture_churn gauge\n" + series.map { "fixture_churn{series=\"\($0)\"} \(n)\n" }.joined()
    }

    /// `count` counter series; series `i` has the value `n * 10 + i % 10`, so every
    /// scrape changes every value and a sample can be matched to the scrape it came from.
    static func many(_ n: Int, count: Int) -> String {
        var out = "# HELP fixture_many_total Many series.\n# TYPE fixture_many_total counter\n"
        out.reserveCapacity(count * 60)
        for index in 0..<count {
            out += "fixture_many_total{shard=\"\(index % 16)\",series=\"s\(index)\"} \(n * 10 + index % 10)\n"
        }
        return out
    }
}
