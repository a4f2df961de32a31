import Config
import Testing

@Suite struct PromDurationTests {
    static let valid: [(String, Int64)] = [
        ("0", 0),
        ("0s", 0),
        ("500ms", 500),
        ("15s", 15_000),
        ("1m", 60_000),
        ("1m30s", 90_000),
        ("1h30m", 5_400_000),
        ("1h1m1s1ms", 3_661_001),
        ("15d", 15 * 86_400_000),
        ("2w", 14 * 86_400_000),
        ("5000d", 5000 * 86_400_000),
        ("2y", 2 * 365 * 86_400_000),
        ("1y2w3d4h5m6s7ms", 365 * 86_400_000 + 17 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000 + 6_007),
        ("90m", 5_400_000),
        ("007s", 7_000),
        ("9223372036854775807ms", Int64.max),
        ("292471208y", 292_471_208 * 365 * 86_400_000),
    ]

    @Test(arguments: valid)
    func parsesValid(text: String, milliseconds: Int64) throws {
        #expect(try PromDuration(parsing: text).milliseconds == milliseconds)
    }

    static let invalid = [
        "15x", "15", "s", "1.5s", "-1s", "+1s", " 15s", "15s ", "1h1h", "30m1h", "1s1m",
        "1ms1s", "1mss", "1S", "1h 30m", "0x10s", "1d1w", "ms", "1y1y",
    ]

    @Test(arguments: invalid)
    func rejectsInvalid(text: String) {
        #expect(throws: DurationError.invalid(text)) { try PromDuration(parsing: text) }
    }

    @Test func rejectsEmpty() {
        #expect(throws: DurationError.empty) { try PromDuration(parsing: "") }
    }

    @Test(arguments: [
        "9223372036854775808ms",          // one past Int64.max
        "99999999999999999999s",          // the digits alone overflow
        "292471209y",                     // the unit multiplication overflows
        "292471208y1000w",                // the sum overflows
    ])
    func overflowIsAnError(text: String) {
        #expect(throws: DurationError.outOfRange(text)) { try PromDuration(parsing: text) }
    }

    @Test func errorMessageQuotesTheInput() {
        #expect(DurationError.invalid("15x").description == "not a valid duration string: \"15x\"")
        #expect(DurationError.outOfRange("1y").description == "duration out of range: \"1y\"")
    }

    static let canonical: [(Int64, String)] = [
        (0, "0s"),
        (1, "1ms"),
        (1_500, "1s500ms"),
        (90_000, "1m30s"),
        (5_400_000, "1h30m"),
        (86_400_000, "1d"),
        (15 * 86_400_000, "15d"),
        (14 * 86_400_000, "2w"),
        (90 * 86_400_000, "90d"),               // not 12w6d: weeks only when exact
        (5000 * 86_400_000, "5000d"),
        (730 * 86_400_000, "2y"),
        (366 * 86_400_000, "366d"),             // not 1y1d: years only when exact
        (371 * 86_400_000, "53w"),
        (86_400_000 + 3_600_000 + 1, "1d1h1ms"),
    ]

    @Test(arguments: canonical)
    func printsCanonically(milliseconds: Int64, text: String) {
        #expect(PromDuration(milliseconds: milliseconds).description == text)
    }

    @Test(arguments: ["1h30m", "90m", "5400s", "0", "2y", "104w", "5000d", "1y2w3d4h5m6s7ms"])
    func printedFormParsesToTheSameValue(text: String) throws {
        let duration = try PromDuration(parsing: text)
        #expect(try PromDuration(parsing: duration.description) == duration)
    }

    @Test func ordersAndConverts() throws {
        #expect(try PromDuration(parsing: "59s") < PromDuration(parsing: "1m"))
        #expect(PromDuration.minutes(90).milliseconds
            == PromDuration.hours(1).milliseconds + PromDuration.minutes(30).milliseconds)
        #expect(PromDuration.seconds(2).duration == .seconds(2))
        #expect(PromDuration.milliseconds(1500).timeInterval == 1.5)
        #expect(PromDuration.days(15) == StorageConfig.defaultRetention)
    }
}
