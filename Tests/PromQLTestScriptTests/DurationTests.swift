import PromQLTestScript
import Testing

/// Script durations and times (Prometheus' `model.ParseDuration`).
@Suite struct DurationTests {
    @Test(arguments: [
        ("0", 0), ("1ms", 1), ("10s", 10_000), ("5m", 300_000), ("1h30m", 5_400_000), ("1d", 86_400_000),
        ("1w", 604_800_000), ("1y", 31_536_000_000), ("20s500ms", 20_500), ("10s53ms", 10_053), ("0m", 0),
        ("1111111s", 1_111_111_000), ("2h0m1s", 7_201_000),
    ] as [(String, Int64)])
    func valid(_ text: String, _ millis: Int64) throws {
        #expect(try PromDuration.milliseconds(text) == millis)
    }

    @Test(arguments: ["", "5", "1.5m", "m", "5m1h", "1m1m", "-1m", "1x", "1M", "10 s", "99999999999999999999y"])
    func invalid(_ text: String) {
        #expect(throws: ScriptError.self) { try PromDuration.milliseconds(text) }
    }

    @Test func bareSecondsWhenAllowed() throws {
        #expect(try PromDuration.milliseconds("100", allowBareSeconds: true) == 100_000)
        #expect(try PromDuration.milliseconds("1.5", allowBareSeconds: true) == 1500)
        #expect(try PromDuration.milliseconds("2m", allowBareSeconds: true) == 120_000)
    }

    @Test func formatting() {
        #expect(PromDuration.format(0) == "0s")
        #expect(PromDuration.format(90_000) == "1m30s")
        #expect(PromDuration.format(500) == "500ms")
        #expect(PromDuration.format(86_400_000 * 8) == "8d")
        #expect(PromDuration.format(604_800_000) == "1w")
        #expect(PromDuration.format(-60_000) == "-1m")
    }

    @Test func everyScriptTimeFormParses() throws {
        // The forms the scripts use for `at`, `from`, `to`, `step` and `load` intervals.
        for text in ["0", "0s", "0m", "0h", "50m", "1m30s", "5m59s", "54m30s", "20s500ms", "10s53ms", "1ms", "18000s"] {
            _ = try PromDuration.milliseconds(text)
        }
    }
}
