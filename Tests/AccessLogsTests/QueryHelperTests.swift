import AccessLogs
import Testing

@Suite("Search parameter helpers")
struct QueryHelperTests {
    @Test("RFC 3339 timestamps")
    func rfc3339() {
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22T10:00:00.123Z") == 1_795_341_600_123_000)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22t10:00:00.123z") == 1_795_341_600_123_000)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22 10:00:00.123456789Z") == 1_795_341_600_123_456)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22T12:30:00.5+02:30") == 1_795_341_600_500_000)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22T05:00:00-0500") == 1_795_341_600_000_000)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22T11:00:00+01") == 1_795_341_600_000_000)
        #expect(AccessLogTime.micros(rfc3339: "2026-11-22T10:00:00") == 1_795_341_600_000_000) // no zone: UTC
        #expect(AccessLogTime.micros(rfc3339: "1970-01-01T00:00:00Z") == 0)
        #expect(AccessLogTime.micros(rfc3339: "2024-02-29T00:00:00Z") == 1_709_164_800_000_000)
        for bad in ["2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:00Z",
                    "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00Q", "26-11-22T10:00:00Z", "1969-12-31T23:59:59Z", ""] {
            #expect(AccessLogTime.micros(rfc3339: bad) == nil, "\(bad)")
        }
    }

    @Test("epoch numbers: the unit follows the magnitude")
    func epochNumbers() {
        #expect(AccessLogTime.micros(epoch: 1_700_000_000) == 1_700_000_000_000_000)       // s
        #expect(AccessLogTime.micros(epoch: 1_700_000_000.25) == 1_700_000_000_250_000)    // s with a fraction
        #expect(AccessLogTime.micros(epochInteger: 1_700_000_000_123) == 1_700_000_000_123_000) // ms
        #expect(AccessLogTime.micros(epochInteger: 1_700_000_000_123_456) == 1_700_000_000_123_456) // µs
        #expect(AccessLogTime.micros(epochInteger: 1_700_000_000_123_456_789) == 1_700_000_000_123_456) // ns
        #expect(AccessLogTime.micros(epoch: -1) == nil)
        #expect(AccessLogTime.micros(epoch: .nan) == nil)
    }

    @Test("timestamps in records: text, numbers and numeric strings")
    func recordTimes() throws {
        #expect(try parse(#"{"timestamp":1700000000}"#).timestampMicros == 1_700_000_000_000_000)
        #expect(try parse(#"{"timestamp":1.7e9}"#).timestampMicros == 1_700_000_000_000_000)
        #expect(try parse(#"{"timestamp":"1700000000123"}"#).timestampMicros == 1_700_000_000_123_000)
        #expect(try parse(#"{"@timestamp":"2023-11-14T22:13:20.000001Z"}"#).timestampMicros == 1_700_000_000_000_001)
    }

    @Test("status filters")
    func status() throws {
        #expect(try StatusFilter(parsing: "5xx") == .statusClass(5))
        #expect(try StatusFilter(parsing: "4XX") == .statusClass(4))
        #expect(try StatusFilter(parsing: "404") == .exact(404))
        #expect(try StatusFilter(parsing: "1XX") == .statusClass(1))
        #expect(try StatusFilter(parsing: "599") == .exact(599))
        #expect(try StatusFilter(parsing: " 0 ") == .exact(0))
        #expect(try StatusFilter(parsing: "5xx").codes == 500...599)
        #expect(try StatusFilter(parsing: "5xx").matches(503))
        #expect(try !StatusFilter(parsing: "5xx").matches(nil))
        for bad in ["5yy", "xx", "1000", "-1", "", "5x", "2 00", "6xx", "0xx", "600", "99", "1"] {
            #expect(throws: QueryParameterError.self, "\(bad)") { try StatusFilter(parsing: bad) }
        }
        do {
            _ = try StatusFilter(parsing: "5yy")
        } catch {
            #expect(error.description == "invalid status \"5yy\": expected a response code like 404 or a class like 5xx")
        }
    }

    @Test("durations: bare milliseconds or a unit")
    func durations() throws {
        #expect(try QueryDuration.micros(parsing: "250") == 250_000)
        #expect(try QueryDuration.micros(parsing: "250ms") == 250_000)
        #expect(try QueryDuration.micros(parsing: "1.5s") == 1_500_000)
        #expect(try QueryDuration.micros(parsing: "2m") == 120_000_000)
        #expect(try QueryDuration.micros(parsing: "1h") == 3_600_000_000)
        #expect(try QueryDuration.micros(parsing: "750us") == 750)
        #expect(try QueryDuration.micros(parsing: "0.5") == 500)
        for bad in ["", "ms", "-5", "1.2.3", "5d", "1e3", ".5", "5."] {
            #expect(throws: QueryParameterError.self, "\(bad)") { try QueryDuration.micros(parsing: bad) }
        }
    }
}
