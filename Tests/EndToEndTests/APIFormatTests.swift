@testable import Server
import Testing

/// The API's wire formats, checked against what Prometheus' Go code prints: sample
/// values (`jsonutil.MarshalValue`), timestamps (`MarshalTimestamp`), JSON strings
/// (encoding/json, HTML-safe), and the time, duration and label-name parameters.
@Suite struct APIFormatTests {
    static func value(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.sampleValue(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (1.0, #""1""#), (-0.0, #""-0""#), (1.5, #""1.5""#), (100, #""100""#), (0.1 + 0.2, #""0.30000000000000004""#),
        (1e-6, #""0.000001""#), (1e-7, #""1e-07""#), (1e21, #""1e+21""#), (1.2345678901234568e20, #""123456789012345680000""#),
        (5e-324, #""5e-324""#), (-2.5e-10, #""-2.5e-10""#), (.nan, #""NaN""#), (.infinity, #""+Inf""#),
        (-.infinity, #""-Inf""#), (1.7976931348623157e308, #""1.7976931348623157e+308""#),
    ])
    func sampleValues(_ input: Double, _ expected: String) {
        #expect(Self.value(input) == expected)
    }

    @Test func timestampsAndNumbers() {
        func timestamp(_ milliseconds: Int64) -> String {
            var writer = JSONWriter()
            writer.timestamp(milliseconds)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        #expect(timestamp(1_435_781_451_781) == "1435781451.781")
        #expect(timestamp(1500) == "1.500" && timestamp(1000) == "1" && timestamp(1) == "0.001" && timestamp(10) == "0.010")
        #expect(timestamp(-1500) == "-1.500" && timestamp(0) == "0")
        var writer = JSONWriter()
        writer.number(0.003)
        writer.byte(0x20)
        writer.number(1e-7)
        writer.byte(0x20)
        writer.number(.nan)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "0.003 1e-7 0")
    }

    @Test func stringsAreEscapedLikeGo() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\n\t\r<>&\u{01}\u{2028}é")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\"b\\c\n\t\r\u003c\u003e\u0026\u0001\u2028é""#)
    }

    @Test func rfc3339() {
        #expect(RFC3339.parse("2023-11-14T22:15:00Z") == 1_700_000_100_000)
        #expect(RFC3339.parse("2023-11-14T23:45:00+01:30") == 1_700_000_100_000)
        #expect(RFC3339.parse("2023-11-14T22:15:00.123456789Z") == 1_700_000_100_123)
        #expect(RFC3339.parse("2023-11-14T22:15:00.5Z") == 1_700_000_100_500)
        #expect(RFC3339.parse("1969-12-31T23:59:59.999Z") == -1)
        #expect(RFC3339.parse("2024-02-29T00:00:00Z") != nil)
        for invalid in ["2023-02-29T00:00:00Z", "2023-11-14 22:15:00Z", "2023-11-14T22:15:00", "2023-11-14T24:00:00Z",
                        "2023-11-14T22:15:00.Z", "2023-11-14T22:15:00+0100", "yesterday", ""] {
            #expect(RFC3339.parse(invalid) == nil, "\(invalid)")
        }
        #expect(RFC3339.format(1_700_000_100_250) == "2023-11-14T22:15:00.25Z")
        #expect(RFC3339.format(1_700_000_100_000) == "2023-11-14T22:15:00Z")
        #expect(RFC3339.format(-1) == "1969-12-31T23:59:59.999Z")
    }

    @Test func timeAndDurationParameters() throws {
        #expect(APITime.parseTime("1700000100.5") == 1_700_000_100_500)
        #expect(APITime.parseTime("1.0005") == 1000)  // Go: Round(0.49999...) is 0
        #expect(APITime.parseTime("-1.5") == -1500)
        #expect(APITime.parseTime("2023-11-14T22:15:00Z") == 1_700_000_100_000)
        #expect(APITime.parseTime(APITime.minTimeText) == .min && APITime.parseTime(APITime.maxTimeText) == .max)
        #expect(APITime.parseTime("NaN") == nil && APITime.parseTime("1e300") == nil && APITime.parseTime("noon") == nil)
        #expect(try APITime.parseDuration("15s") == 15000)
        #expect(try APITime.parseDuration("1m30s") == 90000)
        #expect(try APITime.parseDuration("1.5") == 1500)
        #expect(try APITime.parseDuration("-1") == -1000)
        #expect(throws: APITime.APIDurationError.invalid) { try APITime.parseDuration("1.5m") }
        #expect(throws: APITime.APIDurationError.overflow) { try APITime.parseDuration("1e20") }
        let parameters = APIParameters(query: "time=abc&step=&match%5B%5D=up&match[]=a+b", body: "time=5")
        #expect(try parameters.time("time", default: 0) == 5000, "the body comes first")
        #expect(try parameters.duration("step") == nil, "empty is absent")
        #expect(parameters.values("match[]") == ["up", "a b"])
    }

    @Test func labelNamesAndDurations() {
        // Literal underscores are doubled in the escaped form.
        #expect(MetadataRoutes.unescapedLabelName("U__http_2e_status__code") == "http.status_code")
        #expect(MetadataRoutes.unescapedLabelName("U__a__b") == "a_b")
        #expect(MetadataRoutes.unescapedLabelName("job") == "job")
        #expect(MetadataRoutes.unescapedLabelName("U__bad_zz_") == "U__bad_zz_")
        #expect(StatusRoutes.duration(15000) == "15s" && StatusRoutes.duration(90000) == "1m30s")
        #expect(StatusRoutes.duration(0) == "0s")
    }
}
